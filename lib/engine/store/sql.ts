import Database from "libsql";
import pg from "pg";
import { databaseProvider, sqliteFilePath } from "../../db/url";

export type SqlValue = string | number | boolean | null | Date;
export interface Statement {
  sql: string;
  args?: SqlValue[];
}
export type Row = Record<string, unknown>;

/**
 * The engine's hot path speaks SQL directly (Prisma's per-query overhead was most of
 * a call's latency). Tables are the ones Prisma migrations create, for both providers.
 * Write SQL with `?` placeholders; the Postgres driver renumbers them.
 */
export interface Sql {
  readonly dialect: "sqlite" | "postgres";
  all<T = Row>(sql: string, args?: SqlValue[]): Promise<T[]>;
  run(sql: string, args?: SqlValue[]): Promise<number>;
  /** Runs the statements in one transaction, all or nothing; returns each one's affected row count. */
  batch(statements: Statement[]): Promise<number[]>;
  close(): Promise<void>;
}

export function openSql(url: string | undefined = process.env.DATABASE_URL): Sql {
  return databaseProvider(url) === "postgres" ? postgresSql(url!) : sqliteSql(url);
}

/** SQLite keeps DateTime as ISO text with an explicit offset, as Prisma writes it. */
const sqliteTime = (d: Date) => d.toISOString().replace("Z", "+00:00");

function sqliteArgs(args: SqlValue[] = []): (string | number | null)[] {
  return args.map((a) => (a instanceof Date ? sqliteTime(a) : typeof a === "boolean" ? (a ? 1 : 0) : a));
}

function sqliteSql(url: string | undefined): Sql {
  const file = sqliteFilePath(url) ?? ":memory:";
  // One synchronous connection: a transaction begins and commits inside one call, so it
  // never holds the write lock across a turn of the event loop. That matters because the
  // app's Prisma connection lives in the same process: a lock held across turns while
  // another connection busy-waits synchronously would stall both. When someone else holds
  // the lock we retry asynchronously instead of waiting. (Both must load the same SQLite
  // library: package.json overrides the Prisma adapter's @libsql/client to ours.)
  // WAL with synchronous=NORMAL makes a commit an append instead of a sync.
  const db = new Database(file);
  db.exec("PRAGMA busy_timeout = 0; PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;");
  const cache = new Map<string, Database.Statement>();
  const prepare = (sql: string) => {
    let stmt = cache.get(sql);
    if (!stmt) {
      stmt = db.prepare(sql);
      cache.set(sql, stmt);
    }
    return stmt;
  };
  return {
    dialect: "sqlite",
    all<T>(sql: string, args?: SqlValue[]) {
      return whenNotBusy(() => prepare(sql).all(...sqliteArgs(args)) as T[]);
    },
    run(sql, args) {
      return whenNotBusy(() => prepare(sql).run(...sqliteArgs(args)).changes);
    },
    batch(statements) {
      return whenNotBusy(() => {
        db.exec("BEGIN IMMEDIATE");
        try {
          const counts = statements.map((s) => prepare(s.sql).run(...sqliteArgs(s.args)).changes);
          db.exec("COMMIT");
          return counts;
        } catch (error) {
          if (db.inTransaction) db.exec("ROLLBACK");
          throw error;
        }
      });
    },
    async close() {
      db.close();
    },
  };
}

const isBusy = (error: unknown) =>
  /SQLITE_BUSY|database is locked/i.test(String((error as Error)?.message ?? error));

/** Runs a synchronous database step, retrying with a short async backoff while the file is locked. */
async function whenNotBusy<T>(step: () => T, deadlineMs = 10_000): Promise<T> {
  const start = Date.now();
  for (let attempt = 0; ; attempt++) {
    try {
      return step();
    } catch (error) {
      if (!isBusy(error) || Date.now() - start > deadlineMs) throw error;
      await new Promise((r) => setTimeout(r, Math.min(50, 1 + attempt * 2)));
    }
  }
}

const numbered = (sql: string) => {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
};

function postgresSql(url: string): Sql {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  return {
    dialect: "postgres",
    async all<T>(sql: string, args?: SqlValue[]) {
      return (await pool.query(numbered(sql), args)).rows as T[];
    },
    async run(sql, args) {
      return (await pool.query(numbered(sql), args)).rowCount ?? 0;
    },
    async batch(statements) {
      const client = await pool.connect();
      try {
        await client.query("BEGIN");
        const counts: number[] = [];
        for (const s of statements) counts.push((await client.query(numbered(s.sql), s.args)).rowCount ?? 0);
        await client.query("COMMIT");
        return counts;
      } catch (error) {
        await client.query("ROLLBACK").catch(() => {});
        throw error;
      } finally {
        client.release();
      }
    },
    async close() {
      await pool.end();
    },
  };
}

/** Reads a DateTime column from either provider. */
export function toDate(value: unknown): Date {
  return value instanceof Date ? value : new Date(String(value));
}

export function toBool(value: unknown): boolean {
  return value === true || value === 1 || value === "1" || value === 1n;
}
