import type { Worker } from "node:worker_threads";
import type {
  StatementOutcome,
  WireStatement,
  WriteResult,
  WriterOptions,
  WriterRequest,
} from "./sqlite-writer-protocol";
import { startWorker, workerExited } from "./start-worker";

const MAX_GROUP = 256;

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
  private failure: Error | null = null;

  constructor(file: string) {
    const options: WriterOptions = { file, maxGroup: MAX_GROUP };
    this.worker = startWorker("sqlite-writer-worker", options);
    this.worker.unref();
    this.worker.on("message", (results: WriteResult[]) => this.settle(results));
    this.worker.on("error", (error) => this.fail(error));
    this.worker.on("exit", () => this.fail(new Error("the SQLite writer thread stopped")));
  }

  write(statements: WireStatement[]): Promise<StatementOutcome[]> {
    if (this.failure) return Promise.reject(this.failure);
    const id = this.nextId++;
    const request: WriterRequest = { type: "write", job: { id, statements } };
    return new Promise((resolve, reject) => {
      if (this.pending.size === 0) this.worker.ref();
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage(request);
    });
  }

  async close(): Promise<void> {
    if (!this.failure) this.worker.postMessage({ type: "close" } satisfies WriterRequest);
    await workerExited(this.worker);
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
