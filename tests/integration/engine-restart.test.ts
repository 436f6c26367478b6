import { afterEach, describe, expect, it } from "vitest";
import { createDb } from "@/lib/db/client";
import { action, openSocket } from "./helpers/api";
import { clientFor, keyFor, startEngine } from "./helpers/engine-fixture";
import type { RunningProcess } from "./helpers/processes";

let running: RunningProcess | undefined;

afterEach(async () => {
  await running?.stop();
  running = undefined;
});

const STORY = [
  "Once upon a time a small robot lived in a tall lighthouse.",
  "Every night it counted the ships and sang softly to the gulls.",
  "One stormy evening a ship lost its way near the sharp rocks.",
  "The robot swung its lamp in wide and very bright circles.",
  "The ship found the harbour and the whole crew cheered loudly.",
].join("\n\n");

async function startReply(maxTypingMs: number) {
  const first = await startEngine();
  running = first.proc;
  const key = keyFor(first.databaseUrl, "restart");
  const call = clientFor(first.proc, key);
  const opened = await call<{ thread: { id: string }; realtime: { connect_url: string } }>(
    action("open_thread"),
  );
  const id = opened.body.thread.id;
  const submitted = await call(action("submit_messages"), {
    thread_id: id,
    messages: [{ sender: "Ana", content: "Pip, tell me a story" }],
  });
  const sock = await openSocket(opened.body.realtime.connect_url);
  const res = await call<{ scheduled: { id: string; position: number; deliver_at: string }[] }>(
    action("respond"),
    {
      thread_id: id,
      content: STORY,
      turn_epoch: submitted.body.turn_epoch,
      pacing: { typing_wpm: 60, max_typing_ms: maxTypingMs },
    },
  );
  expect(res.body.scheduled).toHaveLength(5);
  return { first, key, id, sock, scheduled: res.body.scheduled };
}

async function killAfterFirstBubble(
  first: { proc: RunningProcess },
  sock: Awaited<ReturnType<typeof openSocket>>,
) {
  await sock.waitFor((f) => f.some((x) => x.type === "turn_taking.message"));
  first.proc.child.kill("SIGKILL");
  await first.proc.stop();
  await sock.closed;
  return sock.frames.filter((f) => f.type === "turn_taking.message").map((f) => f.data?.position as number);
}

async function sentRows(databaseUrl: string, ids: string[]) {
  const db = createDb(databaseUrl);
  try {
    return await db.engineScheduled.findMany({ where: { id: { in: ids } }, orderBy: { position: "asc" } });
  } finally {
    await db.$disconnect();
  }
}

describe("kill and restart in the middle of a paced reply", () => {
  it("delivers every bubble exactly once across the crash", async () => {
    const { first, key, id, sock, scheduled } = await startReply(4000);
    const beforeKill = await killAfterFirstBubble(first, sock);

    const second = await startEngine(first.databaseUrl, first.proc.port);
    running = second.proc;
    const reopened = await clientFor(second.proc, key)<{ realtime: { connect_url: string } }>(
      action("open_thread"),
      {
        thread_id: id,
      },
    );
    const sock2 = await openSocket(reopened.body.realtime.connect_url);
    await sock2.waitFor(
      (f) => f.some((x) => x.type === "turn_taking.typing" && x.data?.typing === false),
      40_000,
    );
    const afterRestart = sock2.frames
      .filter((f) => f.type === "turn_taking.message")
      .map((f) => f.data?.position);
    sock2.close();

    expect([...beforeKill, ...afterRestart]).toEqual([0, 1, 2, 3, 4]);
    const rows = await sentRows(
      first.databaseUrl,
      scheduled.map((s) => s.id),
    );
    expect(rows.map((r) => r.status)).toEqual(["sent", "sent", "sent", "sent", "sent"]);
  });

  it("after kill -9 and 8 s down, holds the bubbles that fell due and delivers them once on re-attach", async () => {
    const { first, key, id, scheduled, sock } = await startReply(800);
    const beforeKill = await killAfterFirstBubble(first, sock);
    await new Promise((r) => setTimeout(r, 8000));
    const lastDue = Date.parse(scheduled.at(-1)!.deliver_at);
    expect(Date.now()).toBeGreaterThan(lastDue);

    const second = await startEngine(first.databaseUrl, first.proc.port);
    running = second.proc;
    // Recovery re-armed them, but no socket could take them: none is marked sent.
    await new Promise((r) => setTimeout(r, 1500));
    const held = (
      await sentRows(
        first.databaseUrl,
        scheduled.map((s) => s.id),
      )
    ).filter((r) => r.status === "scheduled");
    expect(held.map((r) => r.position)).toEqual([0, 1, 2, 3, 4].filter((p) => !beforeKill.includes(p)));

    const attachedAt = Date.now();
    const call = clientFor(second.proc, key);
    const reopened = await call<{ realtime: { connect_url: string } }>(action("open_thread"), {
      thread_id: id,
    });
    const sock2 = await openSocket(reopened.body.realtime.connect_url);
    await sock2.waitFor((f) => f.some((x) => x.type === "turn_taking.typing" && x.data?.typing === false));
    // A second socket attaching afterwards gets nothing again.
    const again = await call<{ realtime: { connect_url: string } }>(action("open_thread"), { thread_id: id });
    const sock3 = await openSocket(again.body.realtime.connect_url);
    await new Promise((r) => setTimeout(r, 1500));
    sock2.close();
    sock3.close();
    const afterRestart = sock2.frames
      .filter((f) => f.type === "turn_taking.message")
      .map((f) => f.data?.position);
    expect([...beforeKill, ...afterRestart]).toEqual([0, 1, 2, 3, 4]);
    expect(sock3.frames.filter((f) => f.type === "turn_taking.message")).toEqual([]);
    const rows = await sentRows(
      first.databaseUrl,
      scheduled.map((s) => s.id),
    );
    expect(rows.every((r) => r.status === "sent")).toBe(true);
    for (const row of rows.filter((r) => held.some((h) => h.id === r.id))) {
      expect(row.sentAt!.getTime()).toBeGreaterThanOrEqual(attachedAt);
    }
  });
});
