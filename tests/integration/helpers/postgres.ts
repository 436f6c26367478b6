import { randomBytes } from "node:crypto";
import pg from "pg";

/** The server to make databases on: the one TEST_POSTGRES_URL names (CI), else the local one. */
function adminUrl(): string {
  if (process.env.POSTGRES_ADMIN_URL) return process.env.POSTGRES_ADMIN_URL;
  if (process.env.TEST_POSTGRES_URL) {
    const url = new URL(process.env.TEST_POSTGRES_URL);
    url.pathname = "/postgres";
    return url.toString();
  }
  return "postgresql://postgres@127.0.0.1:5432/postgres";
}

/**
 * A fresh Postgres database for one test file, on the server TEST_POSTGRES_URL names (CI) or
 * the local one, dropped afterwards: test files never see each other's rows (engine leases,
 * held bubbles, usage counters). Without the right to create databases, TEST_POSTGRES_URL
 * itself is used. Null (with a notice) only when no server answers.
 */
export async function freshPostgres(): Promise<{ url: string; drop: () => Promise<void> } | null> {
  const admin = new pg.Client({ connectionString: adminUrl(), connectionTimeoutMillis: 3000 });
  try {
    await admin.connect();
  } catch (error) {
    if (process.env.TEST_POSTGRES_URL) return { url: process.env.TEST_POSTGRES_URL, drop: async () => {} };
    console.warn(`Postgres tests skipped: no server at ${adminUrl()} (${(error as Error).message})`);
    return null;
  }
  const name = `roundtable_test_${randomBytes(6).toString("hex")}`;
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } catch (error) {
    await admin.end();
    if (process.env.TEST_POSTGRES_URL) return { url: process.env.TEST_POSTGRES_URL, drop: async () => {} };
    throw error;
  }
  await admin.end();
  const url = new URL(adminUrl());
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const c = new pg.Client({ connectionString: adminUrl() });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}
