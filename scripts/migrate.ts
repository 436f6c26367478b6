// `npm run db:migrate`: applies the migrations for DATABASE_URL and exits, so a deploy's
// build or release step can migrate before any instance serves (instances also migrate on start).
import { loadEnvConfig } from "@next/env";
import { applyMigrations } from "../lib/db/migrations";
import { databaseProvider } from "../lib/db/url";

async function main(): Promise<number> {
  loadEnvConfig(process.cwd(), process.env.NODE_ENV !== "production");
  const url = process.env.DATABASE_URL;
  const applied = await applyMigrations(url);
  const provider = databaseProvider(url);
  console.log(
    applied.length > 0
      ? `> ${provider}: applied ${applied.length} migration(s): ${applied.join(", ")}`
      : `> ${provider}: database is up to date`,
  );
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`db:migrate failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
