// Several engine instances behind one load balancer share a Postgres database. Each
// serializes a thread's calls only within its own process, so the database must
// decide the race between instances: one epoch per batch, and no reply scheduled
// for an epoch another instance has already moved past.

import { afterAll, describe, expect, it } from "vitest";
import { openSql } from "@/lib/engine/store/sql";
import { action, openSocket } from "./helpers/api";
import { clientFor, keyFor, startEngine } from "./helpers/engine-fixture";
import { freshPostgres } from "./helpers/postgres";
import type { RunningProcess } from "./helpers/processes";
import { reachableRedis } from "./helpers/redis";

const cleanups: (() => Promise<unknown>)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

/** Two engine processes on one database (stopped after the run), with a client of one key for each. */
async function twoInstances(databaseUrl: string, env: Record<string, string> = {}) {
  const instances: RunningProcess[] = [];
  for (let i = 0; i < 2; i++) {
    const { proc } = await startEngine(databaseUrl, undefined, env);
    instances.push(proc);
    cleanups.push(() => proc.stop());
  }
  const key = keyFor(databaseUrl, "instances");
  const clients = instances.map((proc) => clientFor(proc, key)) as [
    ReturnType<typeof clientFor>,
    ReturnType<typeof clientFor>,
  ];
  return { instances, clients };
}

describe("two engine instances on one Postgres database", () => {
  it("advance a thread's epoch once per batch and supersede stale replies across instances", async (ctx) => {
    const database = await freshPostgres();
    if (!database) return ctx.skip();
    cleanups.push(database.drop);
    const { clients } = await twoInstances(database.url);
    const [a, b] = clients;
    const opened = await a<{ thread: { id: string } }>(action("open_thread"));
    const threadId = opened.body.thread.id;

    const batches = 40;
    const submitted = await Promise.all(
      Array.from({ length: batches }, (_, i) =>
        (i % 2 === 0 ? a : b)<{ turn_epoch: number }>(action("submit_messages"), {
          thread_id: threadId,
          messages: [{ sender: "Ana", content: `Sam, message number ${i}?` }],
          agent_name: "Sam",
        }),
      ),
    );
    expect(submitted.map((r) => r.status)).toEqual(Array(batches).fill(200));
    const epochs = submitted.map((r) => r.body.turn_epoch).sort((x, y) => x - y);
    expect(epochs).toEqual(Array.from({ length: batches }, (_, i) => i + 1));

    // One decision per epoch, as either instance reads them.
    const decisions = await b<{ decisions: { turn_epoch: number }[] }>(
      "/v1/turn-taking/projections/decisions",
      { thread_id: threadId },
    );
    expect(decisions.status).toBe(200);
    expect(decisions.body.decisions.map((d) => d.turn_epoch).sort((x, y) => x - y)).toEqual(epochs);

    // A reply drafted on one instance for an epoch the other has moved past is superseded.
    const latest = await a<{ turn_epoch: number }>(action("submit_messages"), {
      thread_id: threadId,
      messages: [{ sender: "Ana", content: "one more" }],
      skip_decide: true,
    });
    await b(action("submit_messages"), {
      thread_id: threadId,
      messages: [{ sender: "Ana", content: "and another" }],
      skip_decide: true,
    });
    const stale = await a<{ superseded: boolean; scheduled: unknown[] }>(action("respond"), {
      thread_id: threadId,
      turn_epoch: latest.body.turn_epoch,
      content: "Answering the message before last.",
    });
    expect(stale.body).toMatchObject({ superseded: true, scheduled: [] });
  });

  it("carry a thread's frames to its sockets on every instance through Redis", async (ctx) => {
    const database = await freshPostgres();
    const redisUrl = await reachableRedis();
    if (!database || !redisUrl) return ctx.skip();
    cleanups.push(database.drop);
    const { instances, clients } = await twoInstances(database.url, { ENGINE_REDIS_URL: redisUrl });
    const [a, b] = clients;
    const opened = await a<{ thread: { id: string }; realtime: { connect_url: string } }>(
      action("open_thread"),
    );
    const threadId = opened.body.thread.id;
    // A socket on each instance (a grant from one instance is good on the other: same secret).
    const grantB = await b<{ realtime: { connect_url: string } }>(action("open_thread"), {
      thread_id: threadId,
    });
    const onA = await openSocket(opened.body.realtime.connect_url);
    const onB = await openSocket(grantB.body.realtime.connect_url);
    cleanups.push(async () => {
      onA.close();
      onB.close();
    });
    expect(new URL(onB.socket.url).port).toBe(String(instances[1]!.port));
    await onB.waitFor((f) => f.some((x) => x.type === "attached"));

    const submitted = await a<{ turn_epoch: number }>(action("submit_messages"), {
      thread_id: threadId,
      messages: [{ sender: "Ana", content: "Sam, two quick points?" }],
      skip_decide: true,
    });
    const replied = await a<{ scheduled: unknown[] }>(action("respond"), {
      thread_id: threadId,
      turn_epoch: submitted.body.turn_epoch,
      content: "First point here.\n\nSecond point follows.",
      pacing: { reading_delay_ms: 100, max_typing_ms: 200 },
    });
    expect(replied.body.scheduled).toHaveLength(2);

    const finished = (frames: { type: string; data?: Record<string, unknown> }[]) =>
      frames.some((x) => x.type === "turn_taking.typing" && x.data?.typing === false);
    await onA.waitFor(finished);
    await onB.waitFor(finished);
    const relayed = (frames: { type: string; id?: string }[]) =>
      frames.filter((x) => x.type !== "attached").map((x) => `${x.type} ${x.id}`);
    // The same frames, with the same ids, in the same order, and each once.
    expect(relayed(onB.frames)).toEqual(relayed(onA.frames));
    expect(relayed(onA.frames).filter((x) => x.startsWith("turn_taking.message"))).toHaveLength(2);
  });
});

const STORY = [
  "Once upon a time a small robot lived in a tall lighthouse.",
  "Every night it counted the ships and sang softly to the gulls.",
  "One stormy evening a ship lost its way near the sharp rocks.",
  "The robot swung its lamp in wide and very bright circles.",
  "The ship found the harbour and the whole crew cheered loudly.",
].join("\n\n");

describe("a dead instance's schedule", () => {
  // Two processes to start, a reply to pace and a lease to lapse: longer than the default on a busy machine.
  it("is taken over by the survivor, which delivers the rest of the reply once", {
    timeout: 120_000,
  }, async (ctx) => {
    const database = await freshPostgres();
    const redisUrl = await reachableRedis();
    if (!database || !redisUrl) return ctx.skip();
    cleanups.push(database.drop);
    const { instances, clients } = await twoInstances(database.url, { ENGINE_REDIS_URL: redisUrl });
    const [a, b] = clients;
    const opened = await b<{ thread: { id: string }; realtime: { connect_url: string } }>(
      action("open_thread"),
    );
    const threadId = opened.body.thread.id;
    // The socket is on B; A holds the schedule (it answered respond), and its frames reach B through Redis.
    const socket = await openSocket(opened.body.realtime.connect_url);
    cleanups.push(async () => socket.close());
    await socket.waitFor((f) => f.some((x) => x.type === "attached"));
    const submitted = await a<{ turn_epoch: number }>(action("submit_messages"), {
      thread_id: threadId,
      messages: [{ sender: "Ana", content: "Pip, tell me a story" }],
      skip_decide: true,
    });
    const replied = await a<{ scheduled: { id: string }[] }>(action("respond"), {
      thread_id: threadId,
      turn_epoch: submitted.body.turn_epoch,
      content: STORY,
      pacing: { typing_wpm: 60, max_typing_ms: 1500 },
    });
    expect(replied.body.scheduled).toHaveLength(5);
    const messages = () => socket.frames.filter((f) => f.type === "turn_taking.message");
    await socket.waitFor(() => messages().length >= 1);
    instances[0]!.child.kill("SIGKILL");
    await instances[0]!.stop();

    await socket.waitFor(
      (f) => f.some((x) => x.type === "turn_taking.typing" && x.data?.typing === false),
      30_000,
    );
    await new Promise((r) => setTimeout(r, 1000));
    expect(messages().map((f) => f.data?.position)).toEqual([0, 1, 2, 3, 4]);
    expect(new Set(messages().map((f) => f.data?.message_id)).size).toBe(5);
    const sql = openSql(database.url);
    try {
      const rows = await sql.all<{ status: string }>(
        `SELECT "status" FROM "EngineScheduled" WHERE "id" IN (?,?,?,?,?) ORDER BY "position"`,
        replied.body.scheduled.map((s) => s.id),
      );
      expect(rows.map((r) => r.status)).toEqual(["sent", "sent", "sent", "sent", "sent"]);
    } finally {
      await sql.close();
    }
  });
});
