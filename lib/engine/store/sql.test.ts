import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "libsql";
import { afterEach, describe, expect, it } from "vitest";
import { eventually } from "@/lib/testing/eventually";
import { openSql, type Sql, StaleWriteError } from "./sql";

const opened: Sql[] = [];

function freshSql(): { sql: Sql; file: string } {
  const file = path.join(mkdtempSync(path.join(tmpdir(), "roundtable-sql-")), "test.db");
  const sql = openSql(`file:${file}`);
  opened.push(sql);
  return { sql, file };
}

async function withTable(sql: Sql) {
  await sql.run(
    `CREATE TABLE "Item" ("id" TEXT PRIMARY KEY, "n" INTEGER NOT NULL, "at" TEXT, "flag" INTEGER)`,
  );
}

afterEach(async () => {
  await Promise.all(opened.splice(0).map((sql) => sql.close()));
});

describe("the SQLite store (reads on the main thread, writes on the writer thread)", () => {
  it("reads back what it wrote, with dates and booleans stored as Prisma stores them", async () => {
    const { sql } = freshSql();
    await withTable(sql);
    const at = new Date("2026-11-22T10:00:00.000Z");
    expect(await sql.run(`INSERT INTO "Item" VALUES (?,?,?,?)`, ["a", 1, at, true])).toBe(1);
    expect(await sql.all(`SELECT * FROM "Item"`)).toEqual([
      { id: "a", n: 1, at: "2026-11-22T10:00:00.000+00:00", flag: 1 },
    ]);
  });

  it("rolls a call back whole when a guarded statement changes another number of rows", async () => {
    const { sql } = freshSql();
    await withTable(sql);
    await sql.run(`INSERT INTO "Item" ("id","n") VALUES (?,?)`, ["a", 1]);
    const guarded = (expected: number) => ({
      sql: `UPDATE "Item" SET "n" = "n" + 1 WHERE "id" = ? AND "n" = ?`,
      args: ["a", expected],
      expectChanges: 1,
    });
    const [stale, fresh] = await Promise.allSettled([
      sql.batch([{ sql: `INSERT INTO "Item" ("id","n") VALUES (?,?)`, args: ["b", 2] }, guarded(5)]),
      sql.batch([guarded(1)]),
    ]);
    expect(stale.status === "rejected" && stale.reason).toBeInstanceOf(StaleWriteError);
    expect(fresh.status).toBe("fulfilled");
    expect(await sql.all(`SELECT "id","n" FROM "Item" ORDER BY "id"`)).toEqual([{ id: "a", n: 2 }]);
  });

  it("commits calls made in the same turn together, but a failing one rolls back only itself", async () => {
    const { sql } = freshSql();
    await withTable(sql);
    const results = await Promise.allSettled([
      sql.batch([{ sql: `INSERT INTO "Item" ("id","n") VALUES (?,?)`, args: ["first", 1] }]),
      sql.batch([
        { sql: `INSERT INTO "Item" ("id","n") VALUES (?,?)`, args: ["half", 2] },
        { sql: `INSERT INTO "Item" ("id","n") VALUES (?,?)`, args: ["broken", null] },
      ]),
      sql.batch([
        { sql: `INSERT INTO "Item" ("id","n") VALUES (?,?)`, args: ["third", 3] },
        { sql: `UPDATE "Item" SET "n" = "n" + 10 WHERE "id" = ?`, args: ["first"] },
      ]),
    ]);
    expect(results.map((r) => r.status)).toEqual(["fulfilled", "rejected", "fulfilled"]);
    expect((results[2] as PromiseFulfilledResult<number[]>).value).toEqual([1, 1]);
    const error = (results[1] as PromiseRejectedResult).reason as Error & { code?: string };
    expect(error.message).toMatch(/NOT NULL constraint failed: Item\.n/);
    expect(error.code).toMatch(/^SQLITE_CONSTRAINT/);
    expect(await sql.all(`SELECT "id","n" FROM "Item" ORDER BY "id"`)).toEqual([
      { id: "first", n: 11 },
      { id: "third", n: 3 },
    ]);
  });

  it("returns the rows of a write with RETURNING", async () => {
    const { sql } = freshSql();
    await withTable(sql);
    await sql.run(`INSERT INTO "Item" ("id","n") VALUES (?,?),(?,?)`, ["a", 1, "b", 2]);
    const claimed = await sql.all<{ id: string }>(
      `UPDATE "Item" SET "n" = 0 WHERE "n" > ? RETURNING "id"`,
      [1],
    );
    expect(claimed).toEqual([{ id: "b" }]);
  });

  it("tells when another connection commits, and not for its own writes", async () => {
    const { sql, file } = freshSql();
    await withTable(sql);
    let changes = 0;
    sql.onExternalChange?.(() => changes++);
    await sql.run(`INSERT INTO "Item" ("id","n") VALUES (?,?)`, ["mine", 1]);
    await new Promise((r) => setTimeout(r, 100));
    expect(changes).toBe(0);

    const other = new Database(file);
    other.prepare(`INSERT INTO "Item" ("id","n") VALUES (?,?)`).run("theirs", 2);
    other.close();
    expect(await eventually(() => changes > 0, 1000)).toBe(true);
  });

  it("keeps many concurrent writes, each exactly once", async () => {
    const { sql } = freshSql();
    await withTable(sql);
    await Promise.all(
      Array.from({ length: 500 }, (_, i) =>
        sql.run(`INSERT INTO "Item" ("id","n") VALUES (?,?)`, [`item-${i}`, i]),
      ),
    );
    const [row] = await sql.all<{ count: number; total: number }>(
      `SELECT COUNT(*) AS "count", SUM("n") AS "total" FROM "Item"`,
    );
    expect(row).toEqual({ count: 500, total: (499 * 500) / 2 });
  });
});
