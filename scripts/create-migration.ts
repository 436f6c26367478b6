// Creates one migration per provider from the schema change since the last snapshot,
// keeping the SQLite and Postgres folders in step. Usage: npm run db:migration -- add_rooms
import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { diffSchemas, modelsOf, PROVIDERS, type Provider } from "./lib/prisma-cli";

const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error("usage: npm run db:migration -- <snake_case_name>");
  process.exit(2);
}

// The Postgres schema is derived from the SQLite one so the two never drift.
const sqliteText = readFileSync(PROVIDERS.sqlite.schema, "utf8");
const pgText = readFileSync(PROVIDERS.postgres.schema, "utf8");
const pgHeader = pgText.slice(0, pgText.indexOf("}", pgText.indexOf("datasource db")) + 1);
writeFileSync(PROVIDERS.postgres.schema, `${pgHeader}\n\n${modelsOf(sqliteText)}\n`);

const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
for (const provider of Object.keys(PROVIDERS) as Provider[]) {
  const { schema, migrations } = PROVIDERS[provider];
  const last = readdirSync(migrations, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort()
    .at(-1);
  const previous = last ? path.join(migrations, last, "schema.snapshot") : null;
  const { sql, same } = diffSchemas(provider, previous, schema);
  if (same) {
    console.log(`${provider}: no schema change`);
    continue;
  }
  const dir = path.join(migrations, `${stamp}_${name}`);
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, "migration.sql"), sql);
  copyFileSync(schema, path.join(dir, "schema.snapshot"));
  console.log(`${provider}: created ${dir}`);
}
