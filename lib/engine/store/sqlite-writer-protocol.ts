// Messages between the engine's main thread and its SQLite writer thread.

export type WireValue = string | number | null;

/** The error code of a job whose guard (`expect`) did not hold. */
export const STALE_WRITE_CODE = "ROUNDTABLE_STALE_WRITE";
/** The error code of a job whose charge found the balance short. */
export const INSUFFICIENT_CREDITS_CODE = "ROUNDTABLE_INSUFFICIENT_CREDITS";

export interface WireStatement {
  /** The statement's number; its text travels once, with its first use. */
  sql: number;
  text?: string;
  args: WireValue[];
  /** Rows it must change (or return); otherwise its job fails with `fail` (default STALE_WRITE_CODE). */
  expect?: number;
  fail?: string;
}

/** One unit of work: its statements commit together or not at all. */
export interface WriteJob {
  id: number;
  statements: WireStatement[];
}

/** Per statement: rows when it returns any (e.g. UPDATE … RETURNING), else the changed row count. */
export type StatementOutcome = { rows: Record<string, unknown>[] } | { changes: number };

export interface WireError {
  message: string;
  code?: string;
}

export type WriteResult = { id: number; outcomes: StatementOutcome[] } | { id: number; error: WireError };

/** Usually one job per message; the calls held while the thread restarted go together. */
export type WriterRequest = { type: "write"; jobs: WriteJob[] } | { type: "close" };

/** What the writer thread sends back: results, or news that another connection committed. */
export type WriterEvent = { type: "results"; results: WriteResult[] } | { type: "external_change" };

export interface WriterOptions {
  file: string;
  /** Most jobs committed by one transaction. */
  maxGroup: number;
  /** How often to look for commits by other connections (the keys CLI, the app) when idle. */
  watchIntervalMs: number;
}
