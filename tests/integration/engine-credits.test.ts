// Charges race: however many calls arrive at once, on however many engine instances, the
// database decides each one with a single conditional decrement, and the balance can never
// go below zero (a CHECK on Postgres, triggers on SQLite).

import { afterAll, describe, expect, it } from "vitest";
import { openSql } from "@/lib/engine/store/sql";
import { action } from "./helpers/api";
import { clientFor, keyFor, startEngine } from "./helpers/engine-fixture";
import { freshPostgres } from "./helpers/postgres";
import { type RunningProcess, tempSqliteUrl } from "./helpers/processes";

const cleanups: (() => Promise<unknown>)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

async function engines(databaseUrl: string, count: number) {
  const instances: RunningProcess[] = [];
  for (let i = 0; i < count; i++) {
    const { proc } = await startEngine(databaseUrl);
    instances.push(proc);
    cleanups.push(() => proc.stop());
  }
  return instances;
}

/** 60 parallel billable submits, spread over the instances, on an account holding 2 credits. */
async function raceCharges(databaseUrl: string, instances: RunningProcess[]) {
  const key = keyFor(databaseUrl, "two-credits", ["--credits", "2"]);
  const clients = instances.map((proc) => clientFor(proc, key));
  const threads = await Promise.all(
    Array.from({ length: 60 }, async (_, i) => {
      const opened = await clients[i % clients.length]!<{ thread: { id: string } }>(action("open_thread"));
      return opened.body.thread.id;
    }),
  );
  const results = await Promise.all(
    threads.map((threadId, i) =>
      clients[i % clients.length]!<{ error?: { code: string } }>(action("submit_messages"), {
        thread_id: threadId,
        messages: [{ sender: "Ana", content: `question ${i}?` }],
      }),
    ),
  );
  const statuses = results.map((r) => r.status);
  if (statuses.some((s) => s !== 200 && s !== 402))
    console.log(results.filter((r) => r.status !== 200 && r.status !== 402).map((r) => r.body));
  const sql = openSql(databaseUrl);
  try {
    const [account] = await sql.all<{ creditsBalance: number; id: string }>(
      `SELECT a."id", a."creditsBalance" FROM "EngineAccount" a JOIN "EngineApiKey" k ON k."accountId" = a."id"
       WHERE k."name" = ?`,
      ["two-credits"],
    );
    const [usage] = await sql.all<{ n: number }>(
      `SELECT COUNT(*) AS "n" FROM "EngineUsage" WHERE "accountId" = ?`,
      [account!.id],
    );
    // The floor holds in the schema itself, whoever writes.
    await expect(
      sql.run(`UPDATE "EngineAccount" SET "creditsBalance" = -1 WHERE "id" = ?`, [account!.id]),
    ).rejects.toThrow(/EngineAccount_creditsBalance_check/);
    return { statuses, balance: Number(account!.creditsBalance), usageRows: Number(usage!.n) };
  } finally {
    await sql.close();
  }
}

describe("credits under concurrent charges", () => {
  it("two Postgres instances: 60 parallel charges on 2 credits, exactly 2 succeed and the balance ends at 0", async (ctx) => {
    const database = await freshPostgres();
    if (!database) return ctx.skip();
    cleanups.push(database.drop);
    const outcome = await raceCharges(database.url, await engines(database.url, 2));
    expect(outcome.statuses.filter((s) => s === 200)).toHaveLength(2);
    expect(outcome.statuses.filter((s) => s === 402)).toHaveLength(58);
    expect(outcome.balance).toBe(0);
    expect(outcome.usageRows).toBe(2);
  });

  it("SQLite: the same race, the same outcome", async () => {
    const url = tempSqliteUrl("credits");
    const outcome = await raceCharges(url, await engines(url, 1));
    expect(outcome.statuses.filter((s) => s === 200)).toHaveLength(2);
    expect(outcome.statuses.filter((s) => s === 402)).toHaveLength(58);
    expect(outcome.balance).toBe(0);
    expect(outcome.usageRows).toBe(2);
  });
});
