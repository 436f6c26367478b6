// The engine's SQL on EngineReply (the drafts agents send to respond), kept with the other
// statements so the actions read as decisions, not as SQL.
import type { Statement } from "../sql";

/** A draft for an epoch the room has moved past: kept for review, never delivered. */
export const insertSupersededReply = (r: {
  pk: string;
  threadPk: string;
  epoch: number;
  draft: string;
  metadata: string | null;
  createdAt: Date;
}): Statement => ({
  sql: `INSERT INTO "EngineReply" ("pk","threadPk","epoch","draft","superseded","metadata","createdAt") VALUES (?,?,?,?,?,?,?)`,
  args: [r.pk, r.threadPk, r.epoch, r.draft, true, r.metadata, r.createdAt],
});

/**
 * A live reply, written only while the thread's epoch has not passed the reply's: another
 * instance that advanced it meanwhile leaves nothing inserted, and the batch rolls back as stale.
 */
export const insertLiveReply = (r: {
  pk: string;
  threadPk: string;
  epoch: number;
  draft: string;
  metadata: string | null;
  source: string;
  createdAt: Date;
}): Statement => ({
  sql: `INSERT INTO "EngineReply" ("pk","threadPk","epoch","draft","superseded","metadata","source","createdAt")
            SELECT ?,?,?,?,?,?,?,? WHERE EXISTS (SELECT 1 FROM "EngineThread" WHERE "pk" = ? AND "turnEpoch" <= ?)`,
  args: [r.pk, r.threadPk, r.epoch, r.draft, false, r.metadata, r.source, r.createdAt, r.threadPk, r.epoch],
  expectChanges: 1,
});
