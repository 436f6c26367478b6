import "server-only";
import { getDb } from "@/lib/db/client";
import { databaseProvider } from "@/lib/db/url";
import { Prisma } from "@/lib/generated/sqlite/client";

// The ScheduleFate rows that order storing a reply's bubbles against the engine cancelling them.
// Both writers insert the same keys first thing in their transaction: on Postgres the second
// insert waits for the first one's commit and its later statements see it; SQLite runs one
// write transaction at a time. So whichever commits second sees the other's rows.
//
// A row matters only until both sides have written: the engine cancels a reply only before its
// first bubble goes out, minutes at most after it was scheduled. Rows a day old are pruned.

type Tx = Parameters<Parameters<ReturnType<typeof getDb>["$transaction"]>[0]>[0];

/** The rows in one order on both sides, so two writers never each hold a key the other waits for. */
const rows = (ids: readonly string[], cancelled: boolean) =>
  Prisma.join([...ids].sort().map((id) => Prisma.sql`(${id}, ${cancelled})`));

/** Claims the ids for storing (a fate already there is kept) and returns those already cancelled. */
export async function cancelledOf(tx: Tx, ids: readonly string[]): Promise<Set<string>> {
  // A no-op update instead of DO NOTHING, so that RETURNING gives every row, claimed or found:
  // one round trip instead of an insert and a select.
  const fates = await tx.$queryRaw<{ scheduleId: string; cancelled: boolean | number | bigint }[]>`
    INSERT INTO "ScheduleFate" ("scheduleId", "cancelled") VALUES ${rows(ids, false)}
    ON CONFLICT ("scheduleId") DO UPDATE SET "cancelled" = "ScheduleFate"."cancelled"
    RETURNING "scheduleId", "cancelled"`;
  return new Set(fates.filter((f) => Boolean(Number(f.cancelled))).map((f) => f.scheduleId));
}

/** Marks the ids cancelled, whether or not their bubbles are stored yet. */
export async function markCancelled(tx: Tx, ids: readonly string[]): Promise<void> {
  await tx.$executeRaw`INSERT INTO "ScheduleFate" ("scheduleId", "cancelled") VALUES ${rows(ids, true)}
    ON CONFLICT ("scheduleId") DO UPDATE SET "cancelled" = excluded."cancelled"`;
}

/** How long a fate is kept: far longer than any reply can wait for its first bubble. */
const FATE_RETENTION_HOURS = 24;

/**
 * Deletes the fates older than `hours`, judged by the database's clock: the rows' createdAt
 * is the column default, written by the database (on SQLite as "YYYY-MM-DD HH:MM:SS" text,
 * which compares correctly only with text of the same form).
 */
export async function pruneScheduleFates(hours = FATE_RETENTION_HOURS): Promise<number> {
  const postgres = databaseProvider(process.env.DATABASE_URL) === "postgres";
  return getDb().$executeRawUnsafe(
    postgres
      ? `DELETE FROM "ScheduleFate" WHERE "createdAt" < LOCALTIMESTAMP - $1::int * INTERVAL '1 hour'`
      : `DELETE FROM "ScheduleFate" WHERE "createdAt" < datetime('now', ?1)`,
    postgres ? hours : `-${hours} hours`,
  );
}
