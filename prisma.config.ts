import path from "node:path";
import { PrismaLibSQL } from "@prisma/adapter-libsql";
import { defineConfig } from "prisma/config";
import { sqliteFileUrl } from "./lib/db/url";

// The JS schema engine needs no downloaded binary, so generate/migrate work offline.
export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join("prisma", "schema.prisma"),
  async adapter() {
    return new PrismaLibSQL({ url: sqliteFileUrl(process.env.DATABASE_URL) });
  },
});
