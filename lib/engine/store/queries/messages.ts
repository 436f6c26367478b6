// The engine's SQL on EngineMessage (the thread history: people's lines and the agent's
// delivered bubbles), in one place so the history's shape is read and changed together.
// The texts are constants: the SQLite writer prepares each distinct text once.
import type { Statement } from "../sql";

/** The last `limit` lines of a thread, newest first (the caller reverses them). */
export const selectLatestLines = (threadPk: string, limit: number): Statement => ({
  sql: `SELECT "sender","content","clientTs","receivedAt","self" FROM "EngineMessage"
     WHERE "threadPk" = ? ORDER BY "receivedAt" DESC, "seq" DESC LIMIT ?`,
  args: [threadPk, limit],
});

/** When a person last sent a line to the thread (typing_stop: was the typing abandoned?). */
export const selectLastSentBy = (threadPk: string, sender: string): Statement => ({
  sql: `SELECT "receivedAt","clientTs" FROM "EngineMessage" WHERE "threadPk" = ? AND "sender" = ? AND "self" = ?
     ORDER BY "receivedAt" DESC LIMIT 1`,
  args: [threadPk, sender, false],
});

/** Any line from a person since `after` (went_silent: did they answer?). */
export const selectSentSince = (threadPk: string, sender: string, after: Date): Statement => ({
  sql: `SELECT 1 FROM "EngineMessage" WHERE "threadPk" = ? AND "sender" = ? AND "self" = ? AND "receivedAt" > ? LIMIT 1`,
  args: [threadPk, sender, false, after],
});

/** A line submitted by a person, at `seq` within its batch. */
export const insertSubmittedMessage = (m: {
  pk: string;
  threadPk: string;
  seq: number;
  epoch: number;
  sender: string;
  content: string;
  clientTs: Date | null;
  receivedAt: Date;
  hasMedia: boolean;
}): Statement => ({
  sql: `INSERT INTO "EngineMessage" ("pk","threadPk","seq","epoch","sender","content","clientTs","receivedAt","hasMedia","self") VALUES (?,?,?,?,?,?,?,?,?,?)`,
  args: [m.pk, m.threadPk, m.seq, m.epoch, m.sender, m.content, m.clientTs, m.receivedAt, m.hasMedia, false],
});

/** A delivered bubble of the agent's, so the decider knows who spoke (epoch -1: no turn of its own). */
export const insertDeliveredBubble = (b: {
  pk: string;
  threadPk: string;
  position: number;
  sender: string;
  content: string;
  sentAt: Date;
}): Statement => ({
  sql: `INSERT INTO "EngineMessage" ("pk","threadPk","seq","epoch","sender","content","receivedAt","hasMedia","self") VALUES (?,?,?,?,?,?,?,?,?)`,
  args: [b.pk, b.threadPk, b.position, -1, b.sender, b.content, b.sentAt, false, true],
});
