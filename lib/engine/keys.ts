import { createHash } from "node:crypto";
import { newApiKeyId, newApiKeySecret, newUserId } from "./ids";
import {
  insertAccount,
  insertApiKey,
  revokeApiKey as revokeApiKeyStatement,
  selectAccount,
  selectKeyByHash,
  selectKeyHash,
  selectKeyListing,
} from "./store/queries/accounts-and-keys";
import type { Sql } from "./store/sql";

export const DEFAULT_SCOPES = "turn-taking credits";

export const hashApiKey = (key: string) => createHash("sha256").update(key).digest("hex");

export function initialCredits(env: NodeJS.ProcessEnv = process.env): number {
  const n = Number(env.ENGINE_INITIAL_CREDITS ?? 10_000);
  return Number.isSafeInteger(n) && n >= 0 ? n : 10_000;
}

export async function createAccount(sql: Sql, name: string, credits = initialCredits()): Promise<string> {
  const id = newUserId();
  const insert = insertAccount(id, name, credits, new Date());
  await sql.run(insert.sql, insert.args);
  return id;
}

export async function accountExists(sql: Sql, id: string): Promise<boolean> {
  const query = selectAccount(id);
  return (await sql.all(query.sql, query.args)).length > 0;
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
  const insert = insertApiKey({
    id,
    accountId,
    name,
    keyHash: hashApiKey(secret),
    keyPrefix: secret.slice(0, 7),
    scopes,
    createdAt: new Date(),
  });
  await sql.run(insert.sql, insert.args);
  return { id, key: secret };
}

export async function keyExists(sql: Sql, secret: string): Promise<boolean> {
  const query = selectKeyHash(hashApiKey(secret));
  return (await sql.all(query.sql, query.args)).length > 0;
}

export async function revokeApiKey(sql: Sql, idOrKey: string): Promise<boolean> {
  const column = idOrKey.startsWith("ak_") ? "keyHash" : "id";
  const value = idOrKey.startsWith("ak_") ? hashApiKey(idOrKey) : idOrKey;
  const update = revokeApiKeyStatement(column, value, new Date());
  const changed = await sql.run(update.sql, update.args);
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
  const query = selectKeyListing();
  const rows = await sql.all<Record<string, unknown>>(query.sql, query.args);
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
  const query = selectKeyByHash(hashApiKey(key));
  const [row] = await sql.all<{
    id: string;
    accountId: string;
    scopes: string;
    revokedAt: unknown;
    creditsBalance: number;
  }>(query.sql, query.args);
  if (!row) return null;
  return {
    keyId: row.id,
    accountId: row.accountId,
    scopes: new Set(row.scopes.split(/\s+/)),
    revoked: row.revokedAt !== null,
    creditsBalance: Number(row.creditsBalance),
  };
}
