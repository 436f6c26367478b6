import { PrismaPg } from "@prisma/adapter-pg";
import { defineConfig } from "prisma/config";

// Postgres twin of the root prisma.config.ts (used with `--config`).
export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: "schema.prisma", // relative to this file
  async adapter() {
    return new PrismaPg({
      connectionString: process.env.DATABASE_URL ?? "postgresql://localhost:5432/postgres",
    });
  },
});
