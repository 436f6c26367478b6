// Copies the write-ahead log back into the database file on its own thread. A
// checkpoint syncs the file to disk, which takes milliseconds; done by whichever
// connection happened to commit, it stalled that call (and every call queued
// behind it) for up to tens of milliseconds.

import { parentPort, workerData } from "node:worker_threads";
import Database from "libsql";

const port = parentPort!;
const { file, intervalMs } = workerData as { file: string; intervalMs: number };
const db = new Database(file);
db.exec("PRAGMA busy_timeout = 1000;");

// PASSIVE never waits for readers or writers; whatever it cannot copy now, it copies next time.
const timer = setInterval(() => {
  try {
    db.exec("PRAGMA wal_checkpoint(PASSIVE);");
  } catch {
    // A busy or failed checkpoint only means the log is copied a little later.
  }
}, intervalMs);

port.on("message", () => {
  clearInterval(timer);
  try {
    db.exec("PRAGMA wal_checkpoint(TRUNCATE);");
  } catch {
    // Another connection still reads: the next start's first checkpoint finishes the job.
  }
  db.close();
  port.close();
});
