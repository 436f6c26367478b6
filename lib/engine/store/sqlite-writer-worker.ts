// The engine's only SQLite write connection, on its own thread. The jobs of one turn
// of the main thread's event loop arrive together, and jobs that arrive while a commit
// is running join them: all are committed by one transaction (group commit),
// each inside a savepoint so one job's failure rolls back only that job. The write
// lock is taken and released within one synchronous step, so it is never held
// while this thread waits for anything.

import { parentPort, receiveMessageOnPort, workerData } from "node:worker_threads";
import Database from "libsql";
import {
  STALE_WRITE_CODE,
  type StatementOutcome,
  type WireError,
  type WireStatement,
  type WriteJob,
  type WriteResult,
  type WriterEvent,
  type WriterOptions,
  type WriterRequest,
} from "./sqlite-writer-protocol";

const port = parentPort!;
const options = workerData as WriterOptions;
const db = new Database(options.file);
// Blocking here stalls only this thread; checkpoints run on the checkpointer thread,
// with a large backstop in case it falls behind.
db.exec(
  "PRAGMA busy_timeout = 5000; PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA wal_autocheckpoint = 20000; PRAGMA cache_size = -16384;",
);

const prepared = new Map<number, Database.Statement>();
function prepare(s: WireStatement): Database.Statement {
  let statement = prepared.get(s.sql);
  if (!statement) {
    if (s.text === undefined) throw new Error(`statement ${s.sql} was never defined`);
    statement = db.prepare(s.text);
    prepared.set(s.sql, statement);
  }
  return statement;
}

function toWire(error: unknown): WireError {
  const e = error as { message?: unknown; code?: unknown };
  return {
    message: String(e?.message ?? error),
    ...(typeof e?.code === "string" ? { code: e.code } : {}),
  };
}

/** A guard that did not hold: the job rolls back, and the caller learns why (stale by default). */
class GuardFailed extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

function check(s: WireStatement, count: number): void {
  if (s.expect !== undefined && count !== s.expect)
    throw new GuardFailed(s.fail ?? STALE_WRITE_CODE, `changed ${count} rows, expected ${s.expect}`);
}

function runJob(job: WriteJob): StatementOutcome[] {
  return job.statements.map((s) => {
    const statement = prepare(s);
    if (statement.reader) {
      const rows = statement.all(...s.args) as Record<string, unknown>[];
      check(s, rows.length);
      return { rows };
    }
    const { changes } = statement.run(...s.args);
    check(s, changes);
    return { changes };
  });
}

const failAll = (jobs: WriteJob[], error: unknown): WriteResult[] =>
  jobs.map((job) => ({ id: job.id, error: toWire(error) }));

/** Inside the open transaction: each job in its own savepoint, so a failing job rolls back only itself. */
function runEach(jobs: WriteJob[]): WriteResult[] {
  // A lone job needs no savepoint: its failure rolls back the transaction, which is its own.
  if (jobs.length === 1) return [{ id: jobs[0]!.id, outcomes: runJob(jobs[0]!) }];
  const results: WriteResult[] = [];
  for (const job of jobs) {
    db.exec("SAVEPOINT job");
    try {
      const outcomes = runJob(job);
      db.exec("RELEASE job");
      results.push({ id: job.id, outcomes });
    } catch (error) {
      // Some errors (disk full, I/O) end the whole transaction: then nothing of the group holds.
      if (!db.inTransaction) throw error;
      db.exec("ROLLBACK TO job");
      db.exec("RELEASE job");
      results.push({ id: job.id, error: toWire(error) });
    }
  }
  return results;
}

function commitGroup(jobs: WriteJob[]): WriteResult[] {
  try {
    db.exec("BEGIN IMMEDIATE");
    const results = runEach(jobs);
    db.exec("COMMIT");
    return results;
  } catch (error) {
    if (db.inTransaction) db.exec("ROLLBACK");
    return failAll(jobs, error);
  }
}

const post = (event: WriterEvent) => port.postMessage(event);

// data_version changes only when another connection commits, never for our own commits.
const versionQuery = db.prepare("PRAGMA data_version");
const dataVersion = () => Number((versionQuery.get() as { data_version: number }).data_version);
let seenVersion = dataVersion();
function watchOthers() {
  const version = dataVersion();
  if (version === seenVersion) return;
  seenVersion = version;
  post({ type: "external_change" });
}
const watch = setInterval(watchOthers, options.watchIntervalMs);

function close() {
  clearInterval(watch);
  db.close();
  port.close();
}

port.on("message", (first: WriterRequest) => {
  if (first.type === "close") return close();
  const jobs = [...first.jobs];
  let closing = false;
  while (jobs.length < options.maxGroup) {
    const next = receiveMessageOnPort(port)?.message as WriterRequest | undefined;
    if (!next) break;
    if (next.type === "close") {
      closing = true;
      break;
    }
    jobs.push(...next.jobs);
  }
  watchOthers();
  post({ type: "results", results: commitGroup(jobs) });
  if (closing) close();
});
