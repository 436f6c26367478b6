// The few places where the app's raw SQL (the review's aggregates, the relay claim) differs
// between SQLite and Postgres.
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
  /** the UTC day (YYYY-MM-DD) of a DateTime column */
  day(col: string): string;
  /** the UTC hour (YYYY-MM-DDTHH) of a DateTime column */
  hour(col: string): string;
  /** case-insensitive LIKE */
  ilike: string;
  /**
   * A column the planner must not use an index to look up. SQLite picks a seek per room for
   * `roomId IN (…)` whatever the list's length; over most of the rooms, reading an index in the
   * order the query groups by (and checking the room per entry) skips sorting every turn.
   * Postgres plans from statistics, so the column stays as it is.
   */
  noSeek(col: string): string;
}

const sqlite: Dialect = {
  provider: "sqlite",
  p: (i) => `?${i}`,
  date: (d) => d.toISOString().replace("Z", "+00:00"),
  dateParam: (i) => `?${i}`,
  day: (col) => `substr(${col}, 1, 10)`,
  hour: (col) => `substr(${col}, 1, 13)`,
  ilike: "LIKE",
  noSeek: (col) => `+${col}`,
};

const postgres: Dialect = {
  provider: "postgres",
  p: (i) => `$${i}`,
  date: (d) => d.toISOString().replace("Z", ""),
  dateParam: (i) => `$${i}::timestamp(3)`,
  day: (col) => `to_char(${col}, 'YYYY-MM-DD')`,
  hour: (col) => `to_char(${col}, 'YYYY-MM-DD"T"HH24')`,
  ilike: "ILIKE",
  noSeek: (col) => col,
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
