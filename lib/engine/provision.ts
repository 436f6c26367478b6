import { ensureLocalSecret } from "../config/env-file";
import { newApiKeySecret } from "./ids";
import { createAccount, createApiKey, keyExists } from "./keys";
import { selectOldestAccountNamed } from "./store/queries/accounts-and-keys";
import type { Sql } from "./store/sql";

export const APP_ACCOUNT_NAME = "Roundtable app";
export const APP_KEY_NAME = "roundtable-app-server";

/**
 * In embedded mode the app talks to its own engine over HTTP with a key like any
 * client. The key is generated once into .env.local (ENGINE_APP_KEY) and registered
 * here; only its hash reaches the database.
 */
export async function provisionAppKey(sql: Sql): Promise<string> {
  const key = ensureLocalSecret("ENGINE_APP_KEY", newApiKeySecret);
  if (await keyExists(sql, key)) return key;
  const query = selectOldestAccountNamed(APP_ACCOUNT_NAME);
  const [existing] = await sql.all<{ id: string }>(query.sql, query.args);
  const accountId = existing?.id ?? (await createAccount(sql, APP_ACCOUNT_NAME));
  await createApiKey(sql, accountId, APP_KEY_NAME, undefined, key);
  return key;
}
