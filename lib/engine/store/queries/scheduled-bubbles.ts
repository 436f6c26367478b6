// The engine's SQL on EngineScheduled (a reply's bubbles waiting for their deliver_at), in
// one place: the delivery claim and the interruption's cancel race on the same rows, and
// their conditions are easier to keep consistent side by side. A text with an IN list
// differs only in that list's length; each length is one text for the SQLite writer to prepare.
import type { Statement } from "../sql";

const placeholders = (values: readonly unknown[]) => values.map(() => "?").join(",");

/**
 * `status = 'scheduled'`, written so SQLite's planner cannot answer it from the
 * (status, deliverAt) index: with thousands of bubbles held for a socket, that index finds
 * them all, while the ids or the thread at hand find a few rows by their own index.
 * (Postgres plans from statistics and needs no such help.)
 */
const stillScheduled = (column = `"status"`) => `(${column} || '') = 'scheduled'`;

export const insertScheduledBubble = (b: {
  id: string;
  replyPk: string;
  threadPk: string;
  content: string;
  position: number;
  isLast: boolean;
  deliverAt: Date;
  messageId: string;
  ownerId: string | null;
  createdAt: Date;
}): Statement => ({
  sql: `INSERT INTO "EngineScheduled" ("id","replyPk","threadPk","content","position","isLast","deliverAt","status","messageId","ownerId","createdAt","updatedAt") VALUES (?,?,?,?,?,?,?,?,?,?,?,?)`,
  args: [
    b.id,
    b.replyPk,
    b.threadPk,
    b.content,
    b.position,
    b.isLast,
    b.deliverAt,
    "scheduled",
    b.messageId,
    b.ownerId,
    b.createdAt,
    b.createdAt,
  ],
});

/** Still-scheduled bubbles with what delivery needs of their reply and thread: the given ones, or all. */
export const selectScheduledBubbles = (ids: string[] | null): Statement => ({
  sql: `SELECT s."id", s."threadPk", s."replyPk", s."messageId", s."content", s."position", s."isLast", s."deliverAt",
              r."metadata", t."id" AS "threadId", t."agentName"
       FROM "EngineScheduled" s
       JOIN "EngineReply" r ON r."pk" = s."replyPk"
       JOIN "EngineThread" t ON t."pk" = s."threadPk"
       WHERE ${ids ? `${stillScheduled(`s."status"`)} AND s."id" IN (${placeholders(ids)})` : `s."status" = 'scheduled'`}
       ORDER BY s."deliverAt" ASC, s."position" ASC`,
  args: ids ?? [],
});

/** Gives up bubbles nobody attached for in time; any no longer scheduled are left alone. */
export const expireBubbles = (ids: string[], at: Date): Statement => ({
  sql: `UPDATE "EngineScheduled" SET "status" = 'expired', "updatedAt" = ?
       WHERE ${stillScheduled()} AND "id" IN (${placeholders(ids)})`,
  args: [at, ...ids],
});

/**
 * Claims bubbles as sent, returning only those still scheduled: one already sent (by this
 * instance before a crash, or by another) or cancelled is not returned, so never sent twice.
 */
export const claimBubblesAsSent = (ids: string[], at: Date): Statement => ({
  sql: `UPDATE "EngineScheduled" SET "status" = 'sent', "sentAt" = ?, "updatedAt" = ?
       WHERE ${stillScheduled()} AND "id" IN (${placeholders(ids)}) RETURNING "id"`,
  args: [at, at, ...ids],
});

/**
 * Cancels the thread's first bubble while its deliver_at is still ahead, by the same kind
 * of conditional update the delivery claim races against. Only while the agent is still
 * reading or typing: a first bubble whose time has come (held for a socket that is not
 * attached, or about to go out) is not taken back.
 */
export const cancelFirstBubbleNotYetDue = (threadPk: string, at: Date): Statement => ({
  sql: `UPDATE "EngineScheduled" SET "status" = 'cancelled', "updatedAt" = ?
            WHERE "threadPk" = ? AND "position" = 0 AND ${stillScheduled()} AND "deliverAt" > ?
            RETURNING "id","position"`,
  args: [at, threadPk, at],
});

/** Cancels the rest of the reply whose first bubble the statement above cancelled at `at`. */
export const cancelRestOfReply = (threadPk: string, at: Date): Statement => ({
  sql: `UPDATE "EngineScheduled" SET "status" = 'cancelled', "updatedAt" = ?
            WHERE "threadPk" = ? AND "status" = 'scheduled' AND "replyPk" IN (
              SELECT "replyPk" FROM "EngineScheduled"
              WHERE "threadPk" = ? AND "position" = 0 AND "status" = 'cancelled' AND "updatedAt" = ?)
            RETURNING "id","position"`,
  args: [at, threadPk, threadPk, at],
});
