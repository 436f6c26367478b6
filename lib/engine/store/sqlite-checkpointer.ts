import type { Worker } from "node:worker_threads";
import { startWorker, workerExited } from "./start-worker";

/** Keeps the write-ahead log short from its own thread (see sqlite-checkpoint-worker.ts). */
export class SqliteCheckpointer {
  private readonly worker: Worker;

  constructor(file: string, intervalMs = 50) {
    this.worker = startWorker("sqlite-checkpoint-worker", { file, intervalMs });
    this.worker.unref();
  }

  async close(): Promise<void> {
    // Held until it is gone (see SqliteWriter.close).
    this.worker.ref();
    this.worker.postMessage("close");
    await workerExited(this.worker);
  }
}
