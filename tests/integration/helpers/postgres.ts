import { randomBytes } from "node:crypto";
import pg from "pg";

const ADMIN_URL = process.env.POSTGRES_ADMIN_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";

/**
 * A fresh Postgres database for this run: TEST_POSTGRES_URL when CI made one, else one
 * created on the local server. Null (with a notice) only when no server answers.
 */
export async function freshPostgres(): Promise<{ url: string; drop: () => Promise<void> } | null> {
  if (process.env.TEST_POSTGRES_URL) return { url: process.env.TEST_POSTGRES_URL, drop: async () => {} };
  const admin = new pg.Client({ connectionString: ADMIN_URL, connectionTimeoutMillis: 3000 });
  try {
    await admin.connect();
  } catch (error) {
    console.warn(`Postgres tests skipped: no server at ${ADMIN_URL} (${(error as Error).message})`);
    return null;
  }
  const name = `roundtable_test_${randomBytes(6).toString("hex")}`;
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const c = new pg.Client({ connectionString: ADMIN_URL });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}
