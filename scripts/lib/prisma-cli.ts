import { spawnSync } from "node:child_process";
import { mkdirSync } from "node:fs";
import path from "node:path";

export type Provider = "sqlite" | "postgres";

export const PROVIDERS: Record<
  Provider,
  { schema: string; migrations: string; config: string; url: string }
> = {
  sqlite: {
    schema: "prisma/schema.prisma",
    migrations: "prisma/migrations",
    config: "prisma.config.ts",
    url: `file:${path.join("data", "prisma-cli.db")}`,
  },
  postgres: {
    schema: "prisma/postgres/schema.prisma",
    migrations: "prisma/postgres/migrations",
    config: "prisma/postgres/prisma.config.ts",
    url: process.env.POSTGRES_ADMIN_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres",
  },
};

const PRISMA_CLI = path.join("node_modules", "prisma", "build", "index.js");
const EMPTY_MIGRATION = "-- This is an empty migration.";

/** `prisma migrate diff` between two schema files (null = empty); never introspects a database. */
export function diffSchemas(
  provider: Provider,
  from: string | null,
  to: string,
): { sql: string; same: boolean } {
  const p = PROVIDERS[provider];
  const fromArgs = from ? ["--from-schema-datamodel", from] : ["--from-empty"];
  // The SQLite adapter opens its (scratch) file even for a pure schema diff; a fresh clone has no data/.
  if (provider === "sqlite") mkdirSync("data", { recursive: true });
  const script = spawnSync(
    process.execPath,
    [
      PRISMA_CLI,
      "migrate",
      "diff",
      "--config",
      p.config,
      ...fromArgs,
      "--to-schema-datamodel",
      to,
      "--script",
    ],
    { encoding: "utf8", env: { ...process.env, DATABASE_URL: p.url, PRISMA_HIDE_UPDATE_MESSAGE: "1" } },
  );
  if (script.status !== 0) throw new Error(`prisma migrate diff failed (${provider}):\n${script.stderr}`);
  const sql = script.stdout;
  return { sql, same: sql.trim() === EMPTY_MIGRATION };
}

/** The models part of a schema file: everything after the datasource block. */
export function modelsOf(schemaText: string): string {
  const i = schemaText.indexOf("datasource db");
  const end = schemaText.indexOf("}", i);
  return schemaText.slice(end + 1).trim();
}

export function normalizeSql(sql: string): string {
  return sql
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l.length > 0)
    .join("\n");
}

/**
 * Marks where a migration's hand-written SQL begins (constraints Prisma's schema cannot
 * express, such as CHECK). Only the part before it must equal the generated migration.
 */
export const HAND_WRITTEN_MARKER = "-- Hand-written";

export function generatedPart(sql: string): string {
  const at = sql.split("\n").findIndex((line) => line.startsWith(HAND_WRITTEN_MARKER));
  return at < 0 ? sql : sql.split("\n").slice(0, at).join("\n");
}
