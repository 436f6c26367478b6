import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Worker } from "node:worker_threads";
import Database from "libsql";
import { describe, expect, it } from "vitest";
import { SqliteWriter } from "./sqlite-writer";

const freshFile = () => path.join(mkdtempSync(path.join(tmpdir(), "roundtable-writer-")), "test.db");
const threadOf = (writer: SqliteWriter) => (writer as unknown as { worker: Worker }).worker;

describe("SqliteWriter", () => {
  it("starts a new writer thread when its thread dies, and keeps writing", async () => {
    const file = freshFile();
    const writer = new SqliteWriter(file);
    await writer.write([{ sql: `CREATE TABLE "T" ("n" INTEGER)`, args: [] }]);
    await writer.write([{ sql: `INSERT INTO "T" VALUES (?)`, args: [1] }]);
    const first = threadOf(writer);
    await first.terminate();
    // Asked while no thread is alive: sent to the next one. The same statement again, so
    // the new thread must be sent its text.
    await writer.write([{ sql: `INSERT INTO "T" VALUES (?)`, args: [2] }]);
    expect(threadOf(writer)).not.toBe(first);
    await writer.close();
    const db = new Database(file);
    expect(db.prepare(`SELECT "n" FROM "T" ORDER BY "n"`).all()).toEqual([{ n: 1 }, { n: 2 }]);
    db.close();
  });

  it("sends the calls of one turn to the thread together, and each still gets its own outcome", async () => {
    const writer = new SqliteWriter(freshFile());
    await writer.write([{ sql: `CREATE TABLE "T" ("n" INTEGER CHECK ("n" > 0))`, args: [] }]);
    const thread = threadOf(writer);
    const sent: unknown[] = [];
    const post = thread.postMessage.bind(thread);
    thread.postMessage = (message: unknown) => {
      sent.push(message);
      post(message);
    };
    const calls = [1, 2, -3, 4].map((n) => writer.write([{ sql: `INSERT INTO "T" VALUES (?)`, args: [n] }]));
    const outcomes = await Promise.allSettled(calls);
    expect(outcomes.map((o) => o.status)).toEqual(["fulfilled", "fulfilled", "rejected", "fulfilled"]);
    expect(sent).toHaveLength(1);
    expect((sent[0] as { jobs: unknown[] }).jobs).toHaveLength(4);
    await writer.close();
  });

  it("refuses writes once closed, after finishing the ones already asked for", async () => {
    const writer = new SqliteWriter(freshFile());
    const created = writer.write([{ sql: `CREATE TABLE "T" ("n" INTEGER)`, args: [] }]);
    await writer.close();
    await expect(created).resolves.toEqual([{ changes: 0 }]);
    await expect(writer.write([{ sql: `INSERT INTO "T" VALUES (1)`, args: [] }])).rejects.toThrow(/closed/);
  });
});
