// The engine's SQL on EngineAccount and EngineApiKey: the keys CLI, provisioning and the
// per-call key lookup. Only a key's SHA-256 hash is ever stored or matched here.
import type { Statement } from "../sql";

export const insertAccount = (id: string, name: string, credits: number, createdAt: Date): Statement => ({
  sql: `INSERT INTO "EngineAccount" ("id","name","creditsBalance","createdAt") VALUES (?,?,?,?)`,
  args: [id, name, credits, createdAt],
});

export const selectAccount = (id: string): Statement => ({
  sql: `SELECT 1 FROM "EngineAccount" WHERE "id" = ?`,
  args: [id],
});

/** The first account created with this name (the app's own, in embedded mode). */
export const selectOldestAccountNamed = (name: string): Statement => ({
  sql: `SELECT "id" FROM "EngineAccount" WHERE "name" = ? ORDER BY "createdAt" ASC LIMIT 1`,
  args: [name],
});

export const insertApiKey = (k: {
  id: string;
  accountId: string;
  name: string;
  keyHash: string;
  keyPrefix: string;
  scopes: string;
  createdAt: Date;
}): Statement => ({
  sql: `INSERT INTO "EngineApiKey" ("id","accountId","name","keyHash","keyPrefix","scopes","createdAt") VALUES (?,?,?,?,?,?,?)`,
  args: [k.id, k.accountId, k.name, k.keyHash, k.keyPrefix, k.scopes, k.createdAt],
});

export const selectKeyHash = (keyHash: string): Statement => ({
  sql: `SELECT 1 FROM "EngineApiKey" WHERE "keyHash" = ?`,
  args: [keyHash],
});

/** Revokes a key named by its id or its hash; a key already revoked keeps its first revocation time. */
export const revokeApiKey = (column: "keyHash" | "id", value: string, at: Date): Statement => ({
  sql: `UPDATE "EngineApiKey" SET "revokedAt" = ? WHERE "${column}" = ? AND "revokedAt" IS NULL`,
  args: [at, value],
});

/** Every key with its account's balance, oldest first (the keys CLI's list). */
export const selectKeyListing = (): Statement => ({
  sql: `SELECT k."id", k."keyPrefix", k."name", k."accountId", k."revokedAt", a."creditsBalance"
     FROM "EngineApiKey" k JOIN "EngineAccount" a ON a."id" = k."accountId" ORDER BY k."createdAt"`,
});

/** A key by its hash, with what a call needs to authorize and bill it. */
export const selectKeyByHash = (keyHash: string): Statement => ({
  sql: `SELECT k."id", k."accountId", k."scopes", k."revokedAt", a."creditsBalance"
     FROM "EngineApiKey" k JOIN "EngineAccount" a ON a."id" = k."accountId" WHERE k."keyHash" = ?`,
  args: [keyHash],
});
