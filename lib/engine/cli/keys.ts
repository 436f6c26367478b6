// npm run engine:keys -- create --name NAME [--account usr_…] [--credits N] [--scopes "turn-taking credits"]
// npm run engine:keys -- revoke KEY_ID_OR_KEY
// npm run engine:keys -- list
import { parseArgs } from "node:util";
import { loadEnvConfig } from "@next/env";
import { closeDb, getDb } from "../../db/client";
import { applyMigrations } from "../../db/migrations";
import { createAccount, createApiKey, DEFAULT_SCOPES, initialCredits, revokeApiKey } from "../keys";

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
  const [command, target] = positionals;
  await applyMigrations(process.env.DATABASE_URL);
  const db = getDb();
  try {
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
      const accountId = values.account ?? (await createAccount(db, values.name, credits));
      if (values.account && !(await db.engineAccount.findUnique({ where: { id: values.account } }))) {
        console.error(`no account ${values.account}`);
        return 2;
      }
      const { id, key } = await createApiKey(db, accountId, values.name, values.scopes ?? DEFAULT_SCOPES);
      console.error(`created key ${id} for account ${accountId}; the key is shown once:`);
      console.log(key);
      return 0;
    }
    if (command === "revoke" && target) {
      const ok = await revokeApiKey(db, target);
      console.error(ok ? `revoked ${target}` : `no active key ${target}`);
      return ok ? 0 : 1;
    }
    if (command === "list") {
      const keys = await db.engineApiKey.findMany({
        include: { account: true },
        orderBy: { createdAt: "asc" },
      });
      for (const k of keys) {
        const state = k.revokedAt ? "revoked" : "active";
        console.log(
          `${k.id}\t${k.keyPrefix}…\t${k.name}\t${k.accountId}\t${k.account.creditsBalance} credits\t${state}`,
        );
      }
      return 0;
    }
    console.error(
      "usage: engine:keys create --name NAME [--account ID] [--credits N] [--scopes S] | revoke ID | list",
    );
    return 2;
  } finally {
    await closeDb();
  }
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
