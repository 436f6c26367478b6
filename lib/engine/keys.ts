import { createHash } from "node:crypto";
import { newApiKeyId, newApiKeySecret, newUserId } from "./ids";
import type { Sql } from "./store/sql";

export const DEFAULT_SCOPES = "turn-taking credits";

export const hashApiKey = (key: string) => createHash("sha256").update(key).digest("hex");

export function initialCredits(env: NodeJS.ProcessEnv = process.env): number {
  const n = Number(env.ENGINE_INITIAL_CREDITS ?? 10_000);
  return Number.isSafeInteger(n) && n >= 0 ? n : 10_000;
}

export async function createAccount(sql: Sql, name: string, credits = initialCredits()): Promise<string> {
  const id = newUserId();
  await sql.run(`INSERT INTO "EngineAccount" ("id","name","creditsBalance","createdAt") VALUES (?,?,?,?)`, [
    id,
    name,
    credits,
    new Date(),
  ]);
  return id;
}

export async function accountExists(sql: Sql, id: string): Promise<boolean> {
  return (await sql.all(`SELECT 1 FROM "EngineAccount" WHERE "id" = ?`, [id])).length > 0;
}

/** Creates a key and returns the secret once; only its SHA-256 hash is stored. */
export async function createApiKey(
  sql: Sql,
  accountId: string,
  name: string,
  scopes = DEFAULT_SCOPES,
  secret = newApiKeySecret(),
): Promise<{ id: string; key: string }> {
  const id = newApiKeyId();
  await sql.run(
    `INSERT INTO "EngineApiKey" ("id","accountId","name","keyHash","keyPrefix","scopes","createdAt") VALUES (?,?,?,?,?,?,?)`,
    [id, accountId, name, hashApiKey(secret), secret.slice(0, 7), scopes, new Date()],
  );
  return { id, key: secret };
}

export async function keyExists(sql: Sql, secret: string): Promise<boolean> {
  return (await sql.all(`SELECT 1 FROM "EngineApiKey" WHERE "keyHash" = ?`, [hashApiKey(secret)])).length > 0;
}

export async function revokeApiKey(sql: Sql, idOrKey: string): Promise<boolean> {
  const column = idOrKey.startsWith("ak_") ? "keyHash" : "id";
  const value = idOrKey.startsWith("ak_") ? hashApiKey(idOrKey) : idOrKey;
  const changed = await sql.run(
    `UPDATE "EngineApiKey" SET "revokedAt" = ? WHERE "${column}" = ? AND "revokedAt" IS NULL`,
    [new Date(), value],
  );
  return changed > 0;
}

export interface KeyListing {
  id: string;
  keyPrefix: string;
  name: string;
  accountId: string;
  creditsBalance: number;
  revoked: boolean;
}

export async function listApiKeys(sql: Sql): Promise<KeyListing[]> {
  const rows = await sql.all<Record<string, unknown>>(
    `SELECT k."id", k."keyPrefix", k."name", k."accountId", k."revokedAt", a."creditsBalance"
     FROM "EngineApiKey" k JOIN "EngineAccount" a ON a."id" = k."accountId" ORDER BY k."createdAt"`,
  );
  return rows.map((r) => ({
    id: String(r.id),
    keyPrefix: String(r.keyPrefix),
    name: String(r.name),
    accountId: String(r.accountId),
    creditsBalance: Number(r.creditsBalance),
    revoked: r.revokedAt !== null,
  }));
}

export interface Principal {
  accountId: string;
  keyId: string;
  scopes: Set<string>;
  /** The balance when the call arrived: enough for the early 402 check. */
  creditsBalance: number;
}

/** The key part of a Bearer header, or null when missing or malformed. */
export function bearerKey(header: string | undefined): string | null {
  return header?.match(/^Bearer (ak_[A-Za-z0-9_-]{8,200})$/)?.[1] ?? null;
}

export interface KeyRecord {
  keyId: string;
  accountId: string;
  scopes: Set<string>;
  revoked: boolean;
  creditsBalance: number;
}

export async function findKey(sql: Sql, key: string): Promise<KeyRecord | null> {
  const [row] = await sql.all<{
    id: string;
    accountId: string;
    scopes: string;
    revokedAt: unknown;
    creditsBalance: number;
  }>(
    `SELECT k."id", k."accountId", k."scopes", k."revokedAt", a."creditsBalance"
     FROM "EngineApiKey" k JOIN "EngineAccount" a ON a."id" = k."accountId" WHERE k."keyHash" = ?`,
    [hashApiKey(key)],
  );
  if (!row) return null;
  return {
    keyId: row.id,
    accountId: row.accountId,
    scopes: new Set(row.scopes.split(/\s+/)),
    revoked: row.revokedAt !== null,
    creditsBalance: Number(row.creditsBalance),
  };
}
