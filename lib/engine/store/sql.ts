import Database from "libsql";
import pg from "pg";
import { databaseProvider, sqliteFilePath } from "../../db/url";
import { SqliteCheckpointer } from "./sqlite-checkpointer";
import { SqliteWriter } from "./sqlite-writer";
import { INSUFFICIENT_CREDITS_CODE, STALE_WRITE_CODE, type WireValue } from "./sqlite-writer-protocol";

export type SqlValue = string | number | boolean | null | Date;
export interface Statement {
  sql: string;
  args?: SqlValue[];
  /**
   * In a batch: the number of rows this statement must change. Any other count rolls
   * the whole batch back with a StaleWriteError (a guard such as `WHERE "turnEpoch" = ?`
   * found that another writer got there first).
   */
  expectChanges?: number;
  /** What a failed `expectChanges` means: the row changed (default), or a charge found the balance short. */
  onMismatch?: "stale" | "insufficient_credits";
}

/** A batch's guard did not hold: what the call read has changed. Nothing was written. */
export class StaleWriteError extends Error {
  constructor(message = "the row changed while this call was working") {
    super(message);
    this.name = "StaleWriteError";
  }
}

/** A charge's conditional decrement found the balance short. Nothing was written. */
export class InsufficientCreditsError extends Error {
  constructor(message = "the balance cannot cover this call") {
    super(message);
    this.name = "InsufficientCreditsError";
  }
}

const mismatch = (s: Statement) =>
  s.onMismatch === "insufficient_credits" ? new InsufficientCreditsError() : new StaleWriteError();

/** Per statement of a batch: the rows it changed, and those it returned (RETURNING). */
export interface BatchOutcome {
  count: number;
  rows: Row[];
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
  /** As `batch`, also returning each statement's RETURNING rows. */
  batchReturning(statements: Statement[]): Promise<BatchOutcome[]>;
  /**
   * SQLite only: called soon (within ~20 ms) after a connection other than this one
   * commits, e.g. the keys CLI revoking a key. Postgres has no such signal.
   */
  onExternalChange?(listener: () => void): void;
  close(): Promise<void>;
}

export function openSql(url: string | undefined = process.env.DATABASE_URL): Sql {
  return databaseProvider(url) === "postgres" ? postgresSql(url!) : sqliteSql(url);
}

/** SQLite keeps DateTime as ISO text with an explicit offset, as Prisma writes it. */
const sqliteTime = (d: Date) => d.toISOString().replace("Z", "+00:00");

function sqliteArgs(args: SqlValue[] = []): WireValue[] {
  return args.map((a) => (a instanceof Date ? sqliteTime(a) : typeof a === "boolean" ? (a ? 1 : 0) : a));
}

/** Plain reads run on the main thread; anything that writes goes to the writer thread. */
const isPlainRead = (sql: string) => /^\s*(SELECT|WITH)\b/i.test(sql) && !/\bRETURNING\b/i.test(sql);

/**
 * Reads use a synchronous connection on the main thread: in WAL mode they never wait
 * for the writer. Writes go to one writer thread that commits whatever has queued up
 * in one transaction, and a checkpointer thread keeps the log short; neither stalls
 * the event loop. The write lock is only ever held inside one synchronous step of the
 * writer thread, so the app's Prisma connection to the same file (which waits for the
 * lock synchronously) can never deadlock with it. (Both must load the same SQLite
 * library: package.json overrides the Prisma adapter's @libsql/client to ours.)
 */
function sqliteSql(url: string | undefined): Sql {
  const file = sqliteFilePath(url);
  if (!file) throw new Error(`the engine needs a SQLite file URL (file:…), got ${url}`);
  const db = new Database(file);
  db.exec("PRAGMA busy_timeout = 0; PRAGMA journal_mode = WAL; PRAGMA wal_autocheckpoint = 0;");
  const writer = new SqliteWriter(file);
  const checkpointer = new SqliteCheckpointer(file);
  const cache = new Map<string, Database.Statement>();
  const prepare = (sql: string) => {
    let stmt = cache.get(sql);
    if (!stmt) {
      stmt = db.prepare(sql);
      cache.set(sql, stmt);
    }
    return stmt;
  };
  const write = async (statements: Statement[]) => {
    try {
      return await writer.write(
        statements.map((s) => ({
          sql: s.sql,
          args: sqliteArgs(s.args),
          expect: s.expectChanges,
          ...(s.onMismatch === "insufficient_credits" ? { fail: INSUFFICIENT_CREDITS_CODE } : {}),
        })),
      );
    } catch (error) {
      const code = (error as { code?: string }).code;
      if (code === STALE_WRITE_CODE) throw new StaleWriteError();
      if (code === INSUFFICIENT_CREDITS_CODE) throw new InsufficientCreditsError();
      throw error;
    }
  };
  return {
    dialect: "sqlite",
    async all<T>(sql: string, args?: SqlValue[]) {
      if (isPlainRead(sql)) return whenNotBusy(() => prepare(sql).all(...sqliteArgs(args)) as T[]);
      const [outcome] = await write([{ sql, args }]);
      return (outcome && "rows" in outcome ? outcome.rows : []) as T[];
    },
    async run(sql, args) {
      const [outcome] = await write([{ sql, args }]);
      return outcome && "changes" in outcome ? outcome.changes : 0;
    },
    async batch(statements) {
      const outcomes = await write(statements);
      return outcomes.map((o) => ("changes" in o ? o.changes : o.rows.length));
    },
    async batchReturning(statements) {
      const outcomes = await write(statements);
      return outcomes.map((o) =>
        "changes" in o ? { count: o.changes, rows: [] } : { count: o.rows.length, rows: o.rows },
      );
    },
    onExternalChange(listener) {
      writer.onExternalChange(listener);
    },
    async close() {
      await writer.close();
      await checkpointer.close();
      db.close();
    },
  };
}

const isBusy = (error: unknown) =>
  /SQLITE_BUSY|database is locked/i.test(String((error as Error)?.message ?? error));

/** Runs a synchronous read, retrying with a short async backoff while the file is locked (e.g. recovery). */
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
  async function transaction(statements: Statement[]): Promise<BatchOutcome[]> {
    const client = await pool.connect();
    try {
      await client.query("BEGIN");
      const outcomes: BatchOutcome[] = [];
      for (const s of statements) {
        const result = await client.query(numbered(s.sql), s.args);
        const count = result.rowCount ?? 0;
        if (s.expectChanges !== undefined && count !== s.expectChanges) throw mismatch(s);
        outcomes.push({ count, rows: result.rows });
      }
      await client.query("COMMIT");
      return outcomes;
    } catch (error) {
      await client.query("ROLLBACK").catch(() => {});
      throw error;
    } finally {
      client.release();
    }
  }
  return {
    dialect: "postgres",
    async all<T>(sql: string, args?: SqlValue[]) {
      return (await pool.query(numbered(sql), args)).rows as T[];
    },
    async run(sql, args) {
      return (await pool.query(numbered(sql), args)).rowCount ?? 0;
    },
    async batch(statements) {
      return (await transaction(statements)).map((o) => o.count);
    },
    batchReturning: transaction,
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
