// The engine's SQL on account balances and EngineUsage: the charge that rides in each
// billed call's transaction, and the usage summary's read.
import type { Statement } from "../sql";

/**
 * Takes `price` from the balance only if it covers it, so concurrent charges cannot
 * overdraw (Postgres re-checks the condition on the row it waited for); a short balance
 * changes no row and rolls the whole batch back as insufficient credits.
 */
export const debitCredits = (accountId: string, price: number): Statement => ({
  sql: `UPDATE "EngineAccount" SET "creditsBalance" = "creditsBalance" - ?
            WHERE "id" = ? AND "creditsBalance" >= ? RETURNING "creditsBalance"`,
  args: [price, accountId, price],
  expectChanges: 1,
  onMismatch: "insufficient_credits",
});

export const insertUsage = (u: {
  pk: string;
  accountId: string;
  component: string;
  credits: number;
  createdAt: Date;
}): Statement => ({
  sql: `INSERT INTO "EngineUsage" ("pk","accountId","component","credits","createdAt") VALUES (?,?,?,?,?)`,
  args: [u.pk, u.accountId, u.component, u.credits, u.createdAt],
});

export const selectUsageSince = (accountId: string, since: Date): Statement => ({
  sql: `SELECT "component","credits","createdAt" FROM "EngineUsage" WHERE "accountId" = ? AND "createdAt" >= ?`,
  args: [accountId, since],
});
