import { createHash, randomUUID } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { type Config, createClient } from "@libsql/client";
import pg from "pg";
import { type DatabaseProvider, databaseProvider, sqliteFilePath, sqliteFileUrl } from "./url";

export interface MigrationFile {
  name: string;
  sql: string;
  checksum: string;
}

export function migrationsDir(provider: DatabaseProvider, root = process.cwd()): string {
  return provider === "postgres"
    ? path.join(root, "prisma", "postgres", "migrations")
    : path.join(root, "prisma", "migrations");
}

export function readMigrations(dir: string): MigrationFile[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(path.join(dir, d.name, "migration.sql")))
    .map((d) => d.name)
    .sort()
    .map((name) => {
      // data.sql (optional) carries data changes that go with the schema change; db:check reads only migration.sql.
      const dataFile = path.join(dir, name, "data.sql");
      const sql = [
        readFileSync(path.join(dir, name, "migration.sql"), "utf8"),
        ...(existsSync(dataFile) ? [readFileSync(dataFile, "utf8")] : []),
      ].join("\n");
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    });
}

// Same table and columns as Prisma Migrate, so `prisma migrate` sees our bookkeeping as its own.
const SQLITE_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id" TEXT PRIMARY KEY NOT NULL, "checksum" TEXT NOT NULL, "finished_at" DATETIME,
  "migration_name" TEXT NOT NULL, "logs" TEXT, "rolled_back_at" DATETIME,
  "started_at" DATETIME NOT NULL DEFAULT current_timestamp, "applied_steps_count" INTEGER UNSIGNED NOT NULL DEFAULT 0)`;
const PG_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id" VARCHAR(36) PRIMARY KEY NOT NULL, "checksum" VARCHAR(64) NOT NULL, "finished_at" TIMESTAMPTZ,
  "migration_name" VARCHAR(255) NOT NULL, "logs" TEXT, "rolled_back_at" TIMESTAMPTZ,
  "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(), "applied_steps_count" INTEGER NOT NULL DEFAULT 0)`;

/** Applies pending migrations; returns the names applied. Safe to call from several processes. */
export async function applyMigrations(url: string | undefined, root = process.cwd()): Promise<string[]> {
  const provider = databaseProvider(url);
  const migrations = readMigrations(migrationsDir(provider, root));
  return provider === "postgres" ? applyPostgres(url!, migrations) : applySqlite(url, migrations);
}

async function applySqlite(url: string | undefined, migrations: MigrationFile[]): Promise<string[]> {
  const file = sqliteFilePath(url);
  if (file) mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const client = createClient({ url: sqliteFileUrl(url), timeout: 5000 } as Config);
  try {
    await client.execute(SQLITE_TABLE);
    const tx = await client.transaction("write");
    try {
      const applied = await appliedNames((sql) => tx.execute(sql).then((r) => r.rows));
      const done: string[] = [];
      for (const m of migrations.filter((m) => !applied.has(m.name))) {
        await tx.executeMultiple(m.sql);
        await tx.execute({
          sql: `INSERT INTO "_prisma_migrations" ("id","checksum","finished_at","migration_name","applied_steps_count") VALUES (?,?,current_timestamp,?,1)`,
          args: [randomUUID(), m.checksum, m.name],
        });
        done.push(m.name);
      }
      await tx.commit();
      return done;
    } finally {
      tx.close();
    }
  } finally {
    client.close();
  }
}

async function applyPostgres(url: string, migrations: MigrationFile[]): Promise<string[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("SELECT pg_advisory_lock(72707369)");
    await client.query(PG_TABLE);
    const applied = await appliedNames((sql) => client.query(sql).then((r) => r.rows));
    const done: string[] = [];
    for (const m of migrations.filter((m) => !applied.has(m.name))) {
      await client.query("BEGIN");
      try {
        await client.query(m.sql);
        await client.query(
          `INSERT INTO "_prisma_migrations" ("id","checksum","finished_at","migration_name","applied_steps_count") VALUES ($1,$2,now(),$3,1)`,
          [randomUUID(), m.checksum, m.name],
        );
        await client.query("COMMIT");
      } catch (error) {
        await client.query("ROLLBACK");
        throw error;
      }
      done.push(m.name);
    }
    return done;
  } finally {
    await client.query("SELECT pg_advisory_unlock(72707369)").catch(() => {});
    await client.end();
  }
}

async function appliedNames(query: (sql: string) => Promise<unknown[]>): Promise<Set<string>> {
  const rows = await query(
    `SELECT "migration_name" FROM "_prisma_migrations" WHERE "finished_at" IS NOT NULL AND "rolled_back_at" IS NULL`,
  );
  return new Set(rows.map((r) => String((r as Record<string, unknown>).migration_name)));
}
