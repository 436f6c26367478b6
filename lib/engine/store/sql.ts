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
  /** Makes every write issued so far durable (SQLite group commit); a no-op elsewhere. */
  flush(): Promise<void>;
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
  // One synchronous connection: each statement is microseconds, and a transaction can
  // never interleave with another caller's. WAL with synchronous=NORMAL makes a commit
  // an append instead of a sync; other processes (the key CLI, the app) share the file.
  const db = new Database(file);
  db.exec("PRAGMA busy_timeout = 5000; PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;");
  const cache = new Map<string, Database.Statement>();
  const prepare = (sql: string) => {
    let stmt = cache.get(sql);
    if (!stmt) {
      stmt = db.prepare(sql);
      cache.set(sql, stmt);
    }
    return stmt;
  };
  const commits = new GroupCommit(db, (s) => prepare(s.sql).run(...sqliteArgs(s.args)).changes);
  return {
    dialect: "sqlite",
    async all<T>(sql: string, args?: SqlValue[]) {
      return prepare(sql).all(...sqliteArgs(args)) as T[];
    },
    async run(sql, args) {
      const [changed] = await commits.add([{ sql, args }]);
      return changed ?? 0;
    },
    batch(statements) {
      return commits.add(statements);
    },
    flush: () => commits.flush(),
    async close() {
      await commits.flush();
      db.close();
    },
  };
}

/**
 * Group commit: every commit costs a WAL write, so the batches issued during one turn of
 * the event loop share a transaction that commits on the next turn; callers hear back
 * only after that commit. Each batch runs in its own savepoint, so a failing batch
 * rolls back alone and the others still commit.
 */
class GroupCommit {
  private waiting: { resolve: (counts: number[]) => void; reject: (e: unknown) => void; counts: number[] }[] =
    [];
  private open = false;

  constructor(
    private readonly db: Database.Database,
    private readonly run: (statement: Statement) => number,
  ) {}

  add(statements: Statement[]): Promise<number[]> {
    if (!this.open) {
      this.db.exec("BEGIN IMMEDIATE");
      this.open = true;
      setImmediate(() => this.flush());
    }
    this.db.exec("SAVEPOINT batch");
    try {
      const counts = statements.map(this.run);
      this.db.exec("RELEASE batch");
      return new Promise((resolve, reject) => this.waiting.push({ resolve, reject, counts }));
    } catch (error) {
      this.db.exec("ROLLBACK TO batch");
      this.db.exec("RELEASE batch");
      return Promise.reject(error);
    }
  }

  async flush(): Promise<void> {
    if (!this.open) return;
    const waiting = this.waiting;
    this.waiting = [];
    this.open = false;
    try {
      this.db.exec("COMMIT");
      for (const w of waiting) w.resolve(w.counts);
    } catch (error) {
      if (this.db.inTransaction) this.db.exec("ROLLBACK");
      for (const w of waiting) w.reject(error);
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
    async flush() {},
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
