import type { Config } from "@libsql/client";
import { PrismaLibSQL } from "@prisma/adapter-libsql";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient as PostgresClient } from "../generated/postgres/client";
import { PrismaClient } from "../generated/sqlite/client";
import { databaseProvider, sqliteFileUrl } from "./url";

export type Db = PrismaClient;

/** Both generated clients share one model API; the SQLite one is the type everyone codes against. */
export function createDb(url: string | undefined = process.env.DATABASE_URL): Db {
  if (databaseProvider(url) === "postgres") {
    // Connections idle up to a minute stay open: pg's 10 s default closed the pool between
    // bursts, and the next burst paid for new backends first.
    return new PostgresClient({
      adapter: new PrismaPg({ connectionString: url, idleTimeoutMillis: 60_000 }),
    }) as unknown as Db;
  }
  // The engine shares the file: wait for its brief write locks instead of failing with SQLITE_BUSY.
  return new PrismaClient({
    adapter: new PrismaLibSQL({ url: sqliteFileUrl(url), timeout: 5000 } as Config),
  });
}

const globalKey = Symbol.for("roundtable.db");
type GlobalWithDb = typeof globalThis & { [globalKey]?: Db };

/** One client per process: server.ts and Next's bundled route code share it. */
export function getDb(): Db {
  const g = globalThis as GlobalWithDb;
  g[globalKey] ??= createDb();
  return g[globalKey];
}

export async function closeDb(): Promise<void> {
  const g = globalThis as GlobalWithDb;
  const db = g[globalKey];
  g[globalKey] = undefined;
  await db?.$disconnect();
}
