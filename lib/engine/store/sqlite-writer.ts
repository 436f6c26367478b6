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

/**
 * The main thread's handle on the writer thread (see sqlite-writer-worker.ts). It keeps
 * the process alive only while writes are in flight, so a CLI exits when it is done.
 */
export class SqliteWriter {
  private readonly worker: Worker;
  private readonly pending = new Map<
    number,
    { resolve: (o: StatementOutcome[]) => void; reject: (e: Error) => void }
  >();
  private nextId = 1;
  private outbox: WriteJob[] = [];
  private readonly statementIds = new Map<string, number>();
  private failure: Error | null = null;
  private readonly externalChangeListeners: (() => void)[] = [];

  constructor(file: string) {
    const options: WriterOptions = { file, maxGroup: MAX_GROUP, watchIntervalMs: WATCH_INTERVAL_MS };
    this.worker = startWorker("sqlite-writer-worker", options);
    this.worker.unref();
    this.worker.on("message", (event: WriterEvent) => {
      if (event.type === "results") this.settle(event.results);
      else for (const listener of this.externalChangeListeners) listener();
    });
    this.worker.on("error", (error) => this.fail(error));
    this.worker.on("exit", () => this.fail(new Error("the SQLite writer thread stopped")));
  }

  write(statements: { sql: string; args: WireValue[] }[]): Promise<StatementOutcome[]> {
    if (this.failure) return Promise.reject(this.failure);
    const id = this.nextId++;
    const job = { id, statements: statements.map((s) => this.wire(s)) };
    return new Promise((resolve, reject) => {
      if (this.pending.size === 0) this.worker.ref();
      this.pending.set(id, { resolve, reject });
      this.outbox.push(job);
      if (this.outbox.length === 1) setImmediate(this.flush);
    });
  }

  /**
   * Sends what this turn of the event loop produced as one message: calls handled
   * together cost one hand-off and usually share one commit.
   */
  private readonly flush = () => {
    const jobs = this.outbox;
    this.outbox = [];
    if (jobs.length > 0) this.worker.postMessage({ type: "write", jobs } satisfies WriterRequest);
  };

  /** Called soon after another connection (the keys CLI, the app) commits to the file. */
  onExternalChange(listener: () => void): void {
    this.externalChangeListeners.push(listener);
  }

  async close(): Promise<void> {
    this.flush();
    if (!this.failure) this.worker.postMessage({ type: "close" } satisfies WriterRequest);
    await workerExited(this.worker);
  }

  /** Each distinct SQL text crosses to the writer thread once; later uses send its number. */
  private wire(s: { sql: string; args: WireValue[] }): WireStatement {
    const known = this.statementIds.get(s.sql);
    if (known !== undefined) return { sql: known, args: s.args };
    const number = this.statementIds.size + 1;
    this.statementIds.set(s.sql, number);
    return { sql: number, text: s.sql, args: s.args };
  }

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

  private fail(error: Error) {
    this.failure ??= error;
    for (const waiter of this.pending.values()) waiter.reject(error);
    this.pending.clear();
  }
}
