import path from "node:path";
import { Worker } from "node:worker_threads";

/**
 * Starts a worker from a sibling module of this one. Running as TypeScript (under tsx),
 * the worker needs tsx's CommonJS hook: Node 20 does not pass `--import tsx` hooks on
 * to a worker's entry module.
 */
export function startWorker(name: string, workerData: unknown): Worker {
  const extension = path.extname(__filename);
  const file = path.join(__dirname, `${name}${extension}`);
  return new Worker(file, {
    workerData,
    ...(extension === ".ts" ? { execArgv: ["--require", require.resolve("tsx/cjs")] } : {}),
  });
}

export function workerExited(worker: Worker): Promise<void> {
  return new Promise((resolve) => {
    if (worker.threadId === -1) resolve();
    else worker.once("exit", () => resolve());
  });
}
