// The engine's SQL on EngineEvent (record_event: typing and edits), which the social
// signals read back; kept with the other statements so the signals code holds no SQL.
import type { Statement } from "../sql";

export const insertEvent = (e: {
  pk: string;
  threadPk: string;
  type: string;
  sender: string;
  clientTs: Date | null;
  receivedAt: Date;
}): Statement => ({
  sql: `INSERT INTO "EngineEvent" ("pk","threadPk","type","sender","clientTs","receivedAt") VALUES (?,?,?,?,?,?)`,
  args: [e.pk, e.threadPk, e.type, e.sender, e.clientTs, e.receivedAt],
});

/** A thread's events received since `since`, oldest first. */
export const selectEventsSince = (threadPk: string, since: Date): Statement => ({
  sql: `SELECT "type","sender","clientTs","receivedAt" FROM "EngineEvent"
     WHERE "threadPk" = ? AND "receivedAt" >= ? ORDER BY "receivedAt" ASC`,
  args: [threadPk, since],
});
