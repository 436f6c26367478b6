// Generates both Prisma clients (SQLite and Postgres). The CLI needs DATABASE_URL
// set to read a schema, even though generate never connects.
import { execFileSync } from "node:child_process";

const targets = [
  { schema: "prisma/schema.prisma", url: "file:./data/generate.db" },
  { schema: "prisma/postgres/schema.prisma", url: "postgresql://localhost:5432/generate" },
];
for (const { schema, url } of targets) {
  execFileSync(process.execPath, ["node_modules/prisma/build/index.js", "generate", "--schema", schema], {
    stdio: ["ignore", "ignore", "inherit"],
    env: { ...process.env, DATABASE_URL: url, PRISMA_HIDE_UPDATE_MESSAGE: "1" },
  });
}
console.log("Generated Prisma clients for SQLite and Postgres.");
