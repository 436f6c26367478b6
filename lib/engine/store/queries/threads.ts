// The engine's SQL on EngineThread, kept apart from the actions so a schema change is one
// place to read. Each builder returns the statement as the callers send it: the text is a
// constant (the SQLite writer prepares each distinct text once), the values go in args.
import type { Statement } from "../sql";

const COLUMNS = `"pk","id","accountId","createdAt","updatedAt","turnEpoch","integrations","agentName","interruptible"`;

/** A thread by its owner's id for it (already lower-cased by the caller). */
export const selectThread = (accountId: string, threadId: string): Statement => ({
  sql: `SELECT ${COLUMNS} FROM "EngineThread" WHERE "accountId" = ? AND "id" = ?`,
  args: [accountId, threadId],
});

export const insertThread = (thread: {
  pk: string;
  id: string;
  accountId: string;
  createdAt: Date;
  updatedAt: Date;
  integrations: string | null;
  interruptible: boolean;
}): Statement => ({
  sql: `INSERT INTO "EngineThread" ("pk","id","accountId","createdAt","updatedAt","turnEpoch","integrations","interruptible") VALUES (?,?,?,?,?,0,?,?)`,
  args: [
    thread.pk,
    thread.id,
    thread.accountId,
    thread.createdAt,
    thread.updatedAt,
    thread.integrations,
    thread.interruptible,
  ],
});

/** A re-open: the settings it sends (or keeps) and its new updatedAt. */
export const updateReopenedThread = (
  pk: string,
  updatedAt: Date,
  integrations: string | null,
  interruptible: boolean,
): Statement => ({
  sql: `UPDATE "EngineThread" SET "updatedAt" = ?, "integrations" = ?, "interruptible" = ? WHERE "pk" = ?`,
  args: [updatedAt, integrations, interruptible, pk],
});

/**
 * Advances the turn epoch only from the one the caller read: another instance that got
 * there first leaves no row to change, and the batch rolls back as stale.
 */
export const advanceTurnEpoch = (pk: string, readEpoch: number): Statement => ({
  sql: `UPDATE "EngineThread" SET "turnEpoch" = "turnEpoch" + 1 WHERE "pk" = ? AND "turnEpoch" = ?`,
  args: [pk, readEpoch],
  expectChanges: 1,
});

export const setAgentName = (pk: string, agentName: string): Statement => ({
  sql: `UPDATE "EngineThread" SET "agentName" = ? WHERE "pk" = ?`,
  args: [agentName, pk],
});
