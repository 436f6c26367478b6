// Several engine instances behind one load balancer share a Postgres database. Each
// serializes a thread's calls only within its own process, so the database must
// decide the race between instances: one epoch per batch, and no reply scheduled
// for an epoch another instance has already moved past.

import { afterAll, describe, expect, it } from "vitest";
import { action } from "./helpers/api";
import { clientFor, keyFor, startEngine } from "./helpers/engine-fixture";
import { freshPostgres } from "./helpers/postgres";
import type { RunningProcess } from "./helpers/processes";

const cleanups: (() => Promise<unknown>)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

describe("two engine instances on one Postgres database", () => {
  it("advance a thread's epoch once per batch and supersede stale replies across instances", async (ctx) => {
    const database = await freshPostgres();
    if (!database) return ctx.skip();
    cleanups.push(database.drop);
    const instances: RunningProcess[] = [];
    for (let i = 0; i < 2; i++) {
      const { proc } = await startEngine(database.url);
      instances.push(proc);
      cleanups.push(() => proc.stop());
    }
    const key = keyFor(database.url, "instances");
    const [a, b] = instances.map((proc) => clientFor(proc, key)) as [
      ReturnType<typeof clientFor>,
      ReturnType<typeof clientFor>,
    ];
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
});
