import { ensureLocalSecret } from "../config/env-file";
import type { Db } from "../db/client";
import { newApiKeySecret } from "./ids";
import { createAccount, createApiKey, hashApiKey } from "./keys";

export const APP_ACCOUNT_NAME = "Roundtable app";
export const APP_KEY_NAME = "roundtable-app-server";

/**
 * In embedded mode the app talks to its own engine over HTTP with a key like any
 * client. The key is generated once into .env.local (ENGINE_APP_KEY) and registered
 * here; only its hash reaches the database.
 */
export async function provisionAppKey(db: Db): Promise<string> {
  const key = ensureLocalSecret("ENGINE_APP_KEY", newApiKeySecret);
  const existing = await db.engineApiKey.findUnique({ where: { keyHash: hashApiKey(key) } });
  if (existing) return key;
  const account =
    (await db.engineAccount.findFirst({ where: { name: APP_ACCOUNT_NAME }, orderBy: { createdAt: "asc" } }))
      ?.id ?? (await createAccount(db, APP_ACCOUNT_NAME));
  await createApiKey(db, account, APP_KEY_NAME, undefined, key);
  return key;
}
