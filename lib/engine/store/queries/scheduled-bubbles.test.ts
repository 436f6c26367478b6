import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "libsql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applyMigrations } from "../../../db/migrations";
import type { Statement } from "../sql";
import {
  cancelFirstBubbleNotYetDue,
  claimBubblesAsSent,
  expireBubbles,
  selectScheduledBubbles,
} from "./scheduled-bubbles";

let db: Database.Database;

beforeAll(async () => {
  const file = path.join(mkdtempSync(path.join(tmpdir(), "roundtable-scheduled-")), "engine.db");
  await applyMigrations(`file:${file}`);
  db = new Database(file);
});

afterAll(() => {
  db?.close();
});

// The plan depends on the text, not the values: dates bind as numbers here.
const planOf = async (statement: Statement) =>
  (
    db
      .prepare(`EXPLAIN QUERY PLAN ${statement.sql}`)
      .all(...(statement.args ?? []).map((a) => (a instanceof Date ? a.getTime() : a))) as {
      detail: string;
    }[]
  )
    .map((row) => row.detail)
    .join("\n");

// Thousands of bubbles can sit `scheduled` at once (held for a socket up to ten minutes):
// a statement about a few of them must not walk the status index through all of them.
describe("the statements on a few scheduled bubbles, on SQLite", () => {
  const at = new Date();
  const ids = ["a", "b", "c"];

  it.each([
    ["the delivery claim", claimBubblesAsSent(ids, at)],
    ["the expiry", expireBubbles(ids, at)],
    ["the reload of taken-over bubbles", selectScheduledBubbles(ids)],
  ])("%s finds them by id", async (_, statement) => {
    const plan = await planOf(statement);
    expect(plan).toMatch(/sqlite_autoindex_EngineScheduled_1 \(id=\?\)/);
    expect(plan).not.toMatch(/status_deliverAt/);
  });

  it("the interruption's cancel finds the thread's bubbles by thread", async () => {
    const plan = await planOf(cancelFirstBubbleNotYetDue("t", at));
    expect(plan).toMatch(/EngineScheduled_threadPk_idx \(threadPk=\?\)/);
    expect(plan).not.toMatch(/status_deliverAt/);
  });

  it("the recovery of every scheduled bubble still uses the status index", async () => {
    expect(await planOf(selectScheduledBubbles(null))).toMatch(/status_deliverAt/);
  });
});
