// npm run engine:keys -- create --name NAME [--account usr_…] [--credits N] [--scopes "turn-taking credits"]
// npm run engine:keys -- revoke KEY_ID_OR_KEY
// npm run engine:keys -- list
import { parseArgs } from "node:util";
import { loadEnvConfig } from "@next/env";
import { applyMigrations } from "../../db/migrations";
import {
  accountExists,
  createAccount,
  createApiKey,
  DEFAULT_SCOPES,
  initialCredits,
  listApiKeys,
  revokeApiKey,
} from "../keys";
import { openSql, type Sql } from "../store/sql";

const USAGE =
  "usage: engine:keys create --name NAME [--account ID] [--credits N] [--scopes S] | revoke ID | list";

async function run(
  sql: Sql,
  command: string | undefined,
  target: string | undefined,
  values: Record<string, string | undefined>,
) {
  if (command === "create") {
    if (!values.name) {
      console.error("create needs --name");
      return 2;
    }
    const credits = values.credits === undefined ? initialCredits() : Number(values.credits);
    if (!Number.isSafeInteger(credits) || credits < 0) {
      console.error("--credits must be a non-negative integer");
      return 2;
    }
    if (values.account && !(await accountExists(sql, values.account))) {
      console.error(`no account ${values.account}`);
      return 2;
    }
    const accountId = values.account ?? (await createAccount(sql, values.name, credits));
    const { id, key } = await createApiKey(sql, accountId, values.name, values.scopes ?? DEFAULT_SCOPES);
    console.error(`created key ${id} for account ${accountId}; the key is shown once:`);
    console.log(key);
    return 0;
  }
  if (command === "revoke" && target) {
    const ok = await revokeApiKey(sql, target);
    console.error(ok ? `revoked ${target}` : `no active key ${target}`);
    return ok ? 0 : 1;
  }
  if (command === "list") {
    for (const k of await listApiKeys(sql)) {
      const state = k.revoked ? "revoked" : "active";
      console.log(
        `${k.id}\t${k.keyPrefix}…\t${k.name}\t${k.accountId}\t${k.creditsBalance} credits\t${state}`,
      );
    }
    return 0;
  }
  console.error(USAGE);
  return 2;
}

async function main(): Promise<number> {
  loadEnvConfig(process.cwd(), process.env.NODE_ENV !== "production", {
    info: () => {},
    error: console.error,
  });
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: {
      name: { type: "string" },
      account: { type: "string" },
      credits: { type: "string" },
      scopes: { type: "string" },
    },
  });
  await applyMigrations(process.env.DATABASE_URL);
  const sql = openSql();
  try {
    return await run(sql, positionals[0], positionals[1], values);
  } finally {
    await sql.close();
  }
}

// The process ends on its own once the database and its threads are closed: exiting
// forcibly could tear a thread down inside the native SQLite library, which aborts.
main().then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    console.error(error);
    process.exitCode = 1;
  },
);
