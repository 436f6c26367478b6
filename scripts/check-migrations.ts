// Fails when a schema and its migration folder disagree, for each provider, or when
// the SQLite and Postgres schemas drift apart. Each migration folder keeps the schema
// it was generated from (schema.snapshot), so no database is introspected.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import {
  diffSchemas,
  generatedPart,
  modelsOf,
  normalizeSql,
  PROVIDERS,
  type Provider,
} from "./lib/prisma-cli";

const problems: string[] = [];

const sqliteModels = modelsOf(readFileSync(PROVIDERS.sqlite.schema, "utf8"));
const postgresModels = modelsOf(readFileSync(PROVIDERS.postgres.schema, "utf8"));
if (sqliteModels !== postgresModels) {
  problems.push("prisma/schema.prisma and prisma/postgres/schema.prisma define different models");
}

for (const provider of Object.keys(PROVIDERS) as Provider[]) {
  const { schema, migrations } = PROVIDERS[provider];
  const names = readdirSync(migrations, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort();
  if (names.length === 0) problems.push(`${provider}: ${migrations} has no migrations`);
  let previous: string | null = null;
  for (const name of names) {
    const dir = path.join(migrations, name);
    const snapshot = path.join(dir, "schema.snapshot");
    const sqlFile = path.join(dir, "migration.sql");
    if (!existsSync(snapshot) || !existsSync(sqlFile)) {
      problems.push(`${provider}: ${dir} needs migration.sql and schema.snapshot (use npm run db:migration)`);
      break;
    }
    const expected = diffSchemas(provider, previous, snapshot).sql;
    if (normalizeSql(expected) !== normalizeSql(generatedPart(readFileSync(sqlFile, "utf8")))) {
      problems.push(`${provider}: ${sqlFile} is not the migration from the previous snapshot to its own`);
    }
    previous = snapshot;
  }
  if (previous && !diffSchemas(provider, previous, schema).same) {
    problems.push(
      `${provider}: ${schema} has changes no migration covers (run npm run db:migration -- NAME)`,
    );
  }
  console.log(`${provider}: ${names.length} migration(s) checked`);
}

if (problems.length > 0) {
  for (const p of problems) console.error(`✗ ${p}`);
  process.exit(1);
}
console.log("✓ schemas and migrations agree for sqlite and postgres");
