import type { Worker } from "node:worker_threads";
import type {
  StatementOutcome,
  WireStatement,
  WireValue,
  WriteJob,
  WriteResult,
  WriterEvent,
  WriterOptions,
  WriterRequest,
} from "./sqlite-writer-protocol";
import { startWorker, workerExited } from "./start-worker";

const MAX_GROUP = 256;
const WATCH_INTERVAL_MS = 20;

/** An error from the writer thread, with the SQLite message and code callers match on. */
export class SqliteWriteError extends Error {
  constructor(
    message: string,
    readonly code?: string,
  ) {
    super(message);
    this.name = "SqliteError";
  }
}

type SqlStatement = { sql: string; args: WireValue[]; expect?: number; fail?: string };

interface Waiter {
  resolve: (outcomes: StatementOutcome[]) => void;
  reject: (error: Error) => void;
}

/**
 * The main thread's handle on the writer thread (see sqlite-writer-worker.ts). It keeps
 * the process alive only while writes are in flight, so a CLI exits when it is done.
 * Should the thread die, the calls it held fail (they may or may not have committed)
 * and the next calls get a new thread.
 */
export class SqliteWriter {
  private worker: Worker;
  private alive = false;
  private startedAt = 0;
  private restart: NodeJS.Timeout | null = null;
  private readonly pending = new Map<number, Waiter>();
  private nextId = 1;
  private outbox: { id: number; statements: SqlStatement[] }[] = [];
  private statementIds = new Map<string, number>();
  private closing = false;
  private readonly externalChangeListeners: (() => void)[] = [];
  private flushQueued = false;

  constructor(private readonly file: string) {
    this.worker = this.start();
  }

  write(statements: SqlStatement[]): Promise<StatementOutcome[]> {
    if (this.closing) return Promise.reject(new Error("the SQLite writer is closed"));
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      if (this.pending.size === 0) this.worker.ref();
      this.pending.set(id, { resolve, reject });
      this.outbox.push({ id, statements });
      this.flushThisTurn();
    });
  }

  /** Called soon after another connection (the keys CLI, the app) commits to the file. */
  onExternalChange(listener: () => void): void {
    this.externalChangeListeners.push(listener);
  }

  async close(): Promise<void> {
    this.flush();
    this.closing = true;
    if (this.restart) clearTimeout(this.restart);
    if (this.alive) {
      // Held until it is gone: a process that exits meanwhile would tear the thread down
      // inside the native SQLite library, which aborts the process.
      this.worker.ref();
      this.worker.postMessage({ type: "close" } satisfies WriterRequest);
      await workerExited(this.worker);
    }
    this.rejectPending(new Error("the SQLite writer is closed"));
  }

  private start(): Worker {
    const options: WriterOptions = {
      file: this.file,
      maxGroup: MAX_GROUP,
      watchIntervalMs: WATCH_INTERVAL_MS,
    };
    // A new thread has prepared nothing yet.
    this.statementIds = new Map();
    const worker = startWorker("sqlite-writer-worker", options);
    this.alive = true;
    this.startedAt = Date.now();
    if (this.pending.size === 0) worker.unref();
    worker.on("message", (event: WriterEvent) => {
      if (event.type === "results") this.settle(event.results);
      else for (const listener of this.externalChangeListeners) listener();
    });
    worker.on("error", (error) => console.error("engine: the SQLite writer thread failed:", error));
    worker.on("exit", () => this.onExit());
    // Calls made while no thread was alive are sent now.
    if (this.outbox.length > 0) setImmediate(this.flush);
    return worker;
  }

  private onExit() {
    this.alive = false;
    // What the dead thread held may or may not have committed: those calls fail. Calls
    // not sent yet wait for the next thread.
    const unsent = new Set(this.outbox.map((job) => job.id));
    this.rejectPending(new Error("the SQLite writer thread stopped"), unsent);
    if (this.closing) return;
    // A thread that dies right after starting (a broken file) is not restarted in a tight loop.
    const wait = Date.now() - this.startedAt < 1000 ? 1000 : 0;
    this.restart = setTimeout(() => {
      this.restart = null;
      if (!this.closing) this.worker = this.start();
    }, wait);
  }

  private rejectPending(error: Error, except: ReadonlySet<number> = new Set()) {
    for (const [id, waiter] of this.pending) {
      if (except.has(id)) continue;
      this.pending.delete(id);
      waiter.reject(error);
    }
  }

  /**
   * The calls of one turn of the event loop (a burst of requests) cross to the thread in
   * one message and commit together. A message per call cost both threads a wake-up
   * each, and the file a commit each: a commit writes every page it touched, and the
   * calls of a burst touch mostly the same pages.
   */
  private flushThisTurn() {
    if (this.flushQueued) return;
    this.flushQueued = true;
    setImmediate(() => {
      this.flushQueued = false;
      this.flush();
    });
  }

  /** Sends the calls not yet sent. */
  private readonly flush = () => {
    if (!this.alive || this.outbox.length === 0) return;
    const jobs: WriteJob[] = this.outbox.map((job) => ({
      id: job.id,
      statements: job.statements.map(this.wire),
    }));
    this.outbox = [];
    this.worker.postMessage({ type: "write", jobs } satisfies WriterRequest);
  };

  /** Each distinct SQL text crosses to the writer thread once; later uses send its number. */
  private readonly wire = (s: SqlStatement): WireStatement => {
    const guard =
      s.expect === undefined ? {} : { expect: s.expect, ...(s.fail === undefined ? {} : { fail: s.fail }) };
    const known = this.statementIds.get(s.sql);
    if (known !== undefined) return { sql: known, args: s.args, ...guard };
    const number = this.statementIds.size + 1;
    this.statementIds.set(s.sql, number);
    return { sql: number, text: s.sql, args: s.args, ...guard };
  };

  private settle(results: WriteResult[]) {
    for (const result of results) {
      const waiter = this.pending.get(result.id);
      if (!waiter) continue;
      this.pending.delete(result.id);
      if ("error" in result) waiter.reject(new SqliteWriteError(result.error.message, result.error.code));
      else waiter.resolve(result.outcomes);
    }
    if (this.pending.size === 0) this.worker.unref();
  }
}
