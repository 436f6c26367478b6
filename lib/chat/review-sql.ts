// The few places where the review's aggregate SQL differs between SQLite and Postgres.
// Prisma keeps a DateTime as ISO text with an offset on SQLite and as timestamp(3) in UTC
// on Postgres; the expressions below hide that so one query text serves both.

import { type DatabaseProvider, databaseProvider } from "@/lib/db/url";

export interface Dialect {
  provider: DatabaseProvider;
  /** the i-th (1-based) bound parameter */
  p(i: number): string;
  /** a DateTime as Prisma stores it, to bind as a parameter compared with a column */
  date(d: Date): string;
  /** a bound DateTime parameter as the column's type */
  dateParam(i: number): string;
  /** milliseconds from column `from` to column `to` */
  msBetween(from: string, to: string): string;
  /** the UTC day (YYYY-MM-DD) of a DateTime column */
  day(col: string): string;
  /** the UTC hour (YYYY-MM-DDTHH) of a DateTime column */
  hour(col: string): string;
  /** ⌊expr ÷ n⌋ as an integer, n a literal of ours */
  floorDiv(expr: string, n: number): string;
  /** case-insensitive LIKE */
  ilike: string;
}

const sqlite: Dialect = {
  provider: "sqlite",
  p: (i) => `?${i}`,
  date: (d) => d.toISOString().replace("Z", "+00:00"),
  dateParam: (i) => `?${i}`,
  msBetween: (from, to) => `((julianday(${to}) - julianday(${from})) * 86400000.0)`,
  day: (col) => `substr(${col}, 1, 10)`,
  hour: (col) => `substr(${col}, 1, 13)`,
  // Delays are never negative, and CAST truncates towards zero.
  floorDiv: (expr, n) => `CAST((${expr}) / ${n} AS INTEGER)`,
  ilike: "LIKE",
};

const postgres: Dialect = {
  provider: "postgres",
  p: (i) => `$${i}`,
  date: (d) => d.toISOString().replace("Z", ""),
  dateParam: (i) => `$${i}::timestamp(3)`,
  msBetween: (from, to) => `(EXTRACT(EPOCH FROM (${to} - ${from})) * 1000.0)`,
  day: (col) => `to_char(${col}, 'YYYY-MM-DD')`,
  hour: (col) => `to_char(${col}, 'YYYY-MM-DD"T"HH24')`,
  floorDiv: (expr, n) => `FLOOR((${expr}) / ${n})::int`,
  ilike: "ILIKE",
};

export function dialect(url = process.env.DATABASE_URL): Dialect {
  return databaseProvider(url) === "postgres" ? postgres : sqlite;
}

/** A LIKE pattern matching `text` anywhere, its wildcards taken literally (with ESCAPE '\'). */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** Counts and sums come back as bigint (Postgres, libsql) or number; null stays null. */
export function num(value: unknown): number | null {
  if (value === null || value === undefined) return null;
  const n = typeof value === "bigint" ? Number(value) : Number(value);
  return Number.isFinite(n) ? n : null;
}

/** A DateTime from a raw row: a Date (Postgres), or ISO text (SQLite). */
export function rawDate(value: unknown): Date | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value;
  const text = String(value);
  // Postgres timestamps carry no zone: they are UTC.
  const d = new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(text) ? text : `${text.replace(" ", "T")}Z`);
  return Number.isNaN(d.getTime()) ? null : d;
}
