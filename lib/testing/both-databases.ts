// Tests that must hold on both databases the app runs on: a SQLite file and a fresh Postgres
// database (skipped, with a notice, when no Postgres server answers). Each test file gets its
// own, removed after the file.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll } from "vitest";
import { freshPostgres } from "@/tests/integration/helpers/postgres";
import { closeDb } from "../db/client";
import { applyMigrations } from "../db/migrations";

export interface TestDatabase {
  name: "SQLite" | "Postgres";
  /** null when the database is not available here */
  url: string | null;
}

/** For `describe.each`; call at the top level of a test file. */
export async function bothDatabases(label: string): Promise<[string, TestDatabase][]> {
  const dir = mkdtempSync(path.join(tmpdir(), `${label}-`));
  const postgres = await freshPostgres();
  afterAll(async () => {
    await closeDb();
    await postgres?.drop();
    rmSync(dir, { recursive: true, force: true });
  });
  return [
    ["SQLite", { name: "SQLite", url: `file:${path.join(dir, `${label}.db`)}` }],
    ["Postgres", { name: "Postgres", url: postgres?.url ?? null }],
  ];
}

/** Points the app's database client at `url`, migrated. */
export async function useDatabase(url: string): Promise<void> {
  await closeDb();
  process.env.DATABASE_URL = url;
  await applyMigrations(url);
}
