// The engine's SQL for several instances sharing one Postgres database: each instance's
// lease (its EngineInstance row) and the bubbles it owns. Kept together because a takeover
// reads leases and moves bubbles in one statement.
import type { Statement } from "../sql";

export const insertInstance = (id: string, startedAt: Date): Statement => ({
  sql: `INSERT INTO "EngineInstance" ("id","startedAt","heartbeatAt") VALUES (?,?,?)`,
  args: [id, startedAt, startedAt],
});

export const renewInstance = (id: string, at: Date): Statement => ({
  sql: `UPDATE "EngineInstance" SET "heartbeatAt" = ? WHERE "id" = ?`,
  args: [at, id],
});

export const deleteInstance = (id: string): Statement => ({
  sql: `DELETE FROM "EngineInstance" WHERE "id" = ?`,
  args: [id],
});

/** Leases whose last heartbeat is older than `before` (their processes are long gone). */
export const deleteInstancesSilentSince = (before: Date): Statement => ({
  sql: `DELETE FROM "EngineInstance" WHERE "heartbeatAt" < ?`,
  args: [before],
});

/** Takes a thread's due bubbles, whoever owns them; returns their ids. */
export const takeDueBubbles = (instanceId: string, threadPk: string, now: Date): Statement => ({
  sql: `UPDATE "EngineScheduled" SET "ownerId" = ?
       WHERE "threadPk" = ? AND "status" = 'scheduled' AND "deliverAt" <= ? RETURNING "id"`,
  args: [instanceId, threadPk, now],
});

/**
 * Takes the bubbles no live lease owns (no heartbeat after `cutoff`); returns their ids.
 * One conditional update, so of several instances scanning at once exactly one takes each.
 */
export const takeOrphanedBubbles = (instanceId: string, cutoff: Date): Statement => ({
  sql: `UPDATE "EngineScheduled" SET "ownerId" = ?
       WHERE "status" = 'scheduled' AND ("ownerId" IS NULL OR "ownerId" NOT IN (
         SELECT "id" FROM "EngineInstance" WHERE "heartbeatAt" > ?))
       RETURNING "id"`,
  args: [instanceId, cutoff],
});
