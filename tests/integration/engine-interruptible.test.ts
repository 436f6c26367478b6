// Interruptible threads (engine extension): a batch from someone other than the agent, while
// the agent's reply is scheduled and its first bubble not yet delivered, cancels that reply.

import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { openSql } from "@/lib/engine/store/sql";
import { action, type apiClient, openSocket } from "./helpers/api";
import { clientFor, keyFor, startEngine } from "./helpers/engine-fixture";
import { freshPostgres } from "./helpers/postgres";
import type { RunningProcess } from "./helpers/processes";
import { tempSqliteUrl } from "./helpers/processes";

let engine: RunningProcess;
let dbUrl: string;
let call: ReturnType<typeof apiClient>;

const DRAFT = [
  "The code you typed has probably expired before it reached us.",
  "Make sure the clock on your phone is set automatically.",
  "Then ask for a fresh code and enter it within thirty seconds.",
].join("\n\n");

interface Scheduled {
  id: string;
  position: number;
  deliver_at: string;
}

/** A thread with the agent's reply (3 bubbles) scheduled and a socket watching it. */
async function replyPending(options: { interruptible?: boolean; readingDelayMs: number }) {
  const opened = await call<{ thread: { id: string }; realtime: { connect_url: string } }>(
    action("open_thread"),
    options.interruptible === undefined ? {} : { interruptible: options.interruptible },
  );
  const threadId = opened.body.thread.id;
  const socket = await openSocket(opened.body.realtime.connect_url);
  const submitted = await call<{ turn_epoch: number }>(action("submit_messages"), {
    thread_id: threadId,
    messages: [{ sender: "Ana", content: "Sam, my 2FA code is never accepted" }],
    agent_name: "Sam",
    skip_decide: true,
  });
  const replied = await call<{ scheduled: Scheduled[] }>(action("respond"), {
    thread_id: threadId,
    turn_epoch: submitted.body.turn_epoch,
    content: DRAFT,
    agent_name: "Sam",
    pacing: { reading_delay_ms: options.readingDelayMs, typing_wpm: 600, max_typing_ms: 600 },
  });
  expect(replied.status).toBe(200);
  expect(replied.body.scheduled.length).toBeGreaterThanOrEqual(2);
  return { threadId, socket, scheduled: replied.body.scheduled };
}

const messages = (frames: { type: string }[]) => frames.filter((f) => f.type === "turn_taking.message");
const typingFalse = (frames: { type: string; data?: Record<string, unknown> }[]) =>
  frames.filter((f) => f.type === "turn_taking.typing" && f.data?.typing === false);

async function statuses(ids: string[]) {
  const sql = openSql(dbUrl);
  try {
    const rows = await sql.all<{ id: string; status: string }>(
      `SELECT "id","status" FROM "EngineScheduled" WHERE "id" IN (${ids.map(() => "?").join(",")}) ORDER BY "position"`,
      ids,
    );
    return rows.map((r) => r.status);
  } finally {
    await sql.close();
  }
}

const afterLast = (scheduled: Scheduled[]) =>
  new Promise((r) => setTimeout(r, Math.max(0, Date.parse(scheduled.at(-1)!.deliver_at) - Date.now()) + 600));

describe.each(["sqlite", "postgres"] as const)("interruptible threads (%s)", (kind) => {
  let dropDatabase: (() => Promise<void>) | undefined;
  let skipped = false;

  // On Postgres the race between a cancel and the scheduler's claim is decided by row locks
  // rather than by one writer thread.
  beforeAll(async () => {
    let url = tempSqliteUrl("interrupt");
    if (kind === "postgres") {
      const database = await freshPostgres();
      if (!database) {
        skipped = true;
        return;
      }
      url = database.url;
      dropDatabase = database.drop;
    }
    const started = await startEngine(url);
    engine = started.proc;
    dbUrl = started.databaseUrl;
    call = clientFor(engine, keyFor(dbUrl, "interrupt"));
  });

  afterAll(async () => {
    await engine?.stop();
    await dropDatabase?.();
  });

  beforeEach((ctx) => {
    if (skipped) ctx.skip();
  });

  it("cancel a reply whose first bubble is pending: never delivered, listed, typing stops", async () => {
    const { threadId, socket, scheduled } = await replyPending({ interruptible: true, readingDelayMs: 1500 });
    const before = await call<{ total_credits: number }>("/v1/credits/projections/usage-summary");
    const retraction = await call<{ interrupted: { id: string; position: number }[]; turn_epoch: number }>(
      action("submit_messages"),
      {
        thread_id: threadId,
        messages: [{ sender: "Ana", content: "wait, ignore that, it worked" }],
        agent_name: "Sam",
      },
    );
    expect(retraction.status).toBe(200);
    expect(retraction.body.interrupted).toEqual(scheduled.map((s) => ({ id: s.id, position: s.position })));
    await socket.waitFor((f) => typingFalse(f).length === 1);
    await afterLast(scheduled);
    socket.close();
    expect(messages(socket.frames)).toEqual([]);
    expect(socket.frames.filter((f) => f.type === "turn_taking.typing").map((f) => f.data?.typing)).toEqual([
      true,
      false,
    ]);
    expect(await statuses(scheduled.map((s) => s.id))).toEqual(scheduled.map(() => "cancelled"));
    // The retraction is billed as any batch; the cancelled reply is neither refunded nor billed again.
    const after = await call<{ total_credits: number }>("/v1/credits/projections/usage-summary");
    expect(after.body.total_credits - before.body.total_credits).toBe(1);
  });

  it("do not cancel once delivery has started", async () => {
    const { threadId, socket, scheduled } = await replyPending({ interruptible: true, readingDelayMs: 0 });
    await socket.waitFor((f) => messages(f).length >= 1);
    const late = await call<{ interrupted: unknown[] }>(action("submit_messages"), {
      thread_id: threadId,
      messages: [{ sender: "Ana", content: "wait, ignore that" }],
      skip_decide: true,
    });
    expect(late.body.interrupted).toEqual([]);
    await socket.waitFor((f) => typingFalse(f).length === 1);
    socket.close();
    expect(
      messages(socket.frames).map((f) => (f as { data?: { position?: number } }).data?.position),
    ).toEqual(scheduled.map((s) => s.position));
    expect(await statuses(scheduled.map((s) => s.id))).toEqual(scheduled.map(() => "sent"));
  });

  it("do not cancel on the agent's own batch", async () => {
    const { threadId, socket, scheduled } = await replyPending({ interruptible: true, readingDelayMs: 1000 });
    const own = await call<{ interrupted: unknown[] }>(action("submit_messages"), {
      thread_id: threadId,
      messages: [{ sender: "Sam", content: "One more thing from me." }],
      agent_name: "Sam",
      skip_decide: true,
    });
    expect(own.body.interrupted).toEqual([]);
    await socket.waitFor((f) => typingFalse(f).length === 1);
    socket.close();
    expect(messages(socket.frames)).toHaveLength(scheduled.length);
  });

  it("leave threads without the flag as the hosted service: no interrupted field, every bubble delivered", async () => {
    const { threadId, socket, scheduled } = await replyPending({ readingDelayMs: 1000 });
    const res = await call(action("submit_messages"), {
      thread_id: threadId,
      messages: [{ sender: "Ana", content: "wait, ignore that" }],
      skip_decide: true,
    });
    expect(res.body).toEqual({ decision: "speak", turn_epoch: 2, tags: [], recalled_context: "" });
    await socket.waitFor((f) => typingFalse(f).length === 1);
    socket.close();
    expect(messages(socket.frames)).toHaveLength(scheduled.length);
  });

  it("keep the flag on a re-open that omits it and replace it on one that sends it", async () => {
    const opened = await call<{ thread: { id: string } }>(action("open_thread"), { interruptible: true });
    const id = opened.body.thread.id;
    const submit = () =>
      call(action("submit_messages"), {
        thread_id: id,
        messages: [{ sender: "Ana", content: "hi" }],
        skip_decide: true,
      });
    await call(action("open_thread"), { thread_id: id });
    expect((await submit()).body).toHaveProperty("interrupted", []);
    await call(action("open_thread"), { thread_id: id, interruptible: false });
    expect((await submit()).body).not.toHaveProperty("interrupted");
    const bad = await call(action("open_thread"), { thread_id: id, interruptible: "yes" });
    expect(bad.status).toBe(422);
  });
});
