import { createHash } from "node:crypto";
import type { Db } from "../db/client";
import { newApiKeyId, newApiKeySecret, newUserId } from "./ids";

export const DEFAULT_SCOPES = "turn-taking credits";

export const hashApiKey = (key: string) => createHash("sha256").update(key).digest("hex");

export function initialCredits(env: NodeJS.ProcessEnv = process.env): number {
  const n = Number(env.ENGINE_INITIAL_CREDITS ?? 10_000);
  return Number.isSafeInteger(n) && n >= 0 ? n : 10_000;
}

export async function createAccount(db: Db, name: string, credits = initialCredits()): Promise<string> {
  const account = await db.engineAccount.create({ data: { id: newUserId(), name, creditsBalance: credits } });
  return account.id;
}

/** Creates a key and returns the secret once; only its SHA-256 hash is stored. */
export async function createApiKey(
  db: Db,
  accountId: string,
  name: string,
  scopes = DEFAULT_SCOPES,
  secret = newApiKeySecret(),
): Promise<{ id: string; key: string }> {
  const id = newApiKeyId();
  await db.engineApiKey.create({
    data: { id, accountId, name, keyHash: hashApiKey(secret), keyPrefix: secret.slice(0, 7), scopes },
  });
  return { id, key: secret };
}

export async function revokeApiKey(db: Db, idOrKey: string): Promise<boolean> {
  const where = idOrKey.startsWith("ak_") ? { keyHash: hashApiKey(idOrKey) } : { id: idOrKey };
  const result = await db.engineApiKey.updateMany({
    where: { ...where, revokedAt: null },
    data: { revokedAt: new Date() },
  });
  return result.count > 0;
}

export interface Principal {
  accountId: string;
  keyId: string;
  scopes: Set<string>;
}

/** Bearer token → principal, or null when missing, malformed, unknown or revoked. */
export async function authenticateKey(db: Db, header: string | undefined): Promise<Principal | null> {
  const match = header?.match(/^Bearer (ak_[A-Za-z0-9_-]{8,200})$/);
  if (!match?.[1]) return null;
  const key = await db.engineApiKey.findUnique({ where: { keyHash: hashApiKey(match[1]) } });
  if (!key || key.revokedAt) return null;
  return { accountId: key.accountId, keyId: key.id, scopes: new Set(key.scopes.split(/\s+/)) };
}
