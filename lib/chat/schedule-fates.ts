import "server-only";
import type { getDb } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/sqlite/client";

// The ScheduleFate rows that order storing a reply's bubbles against the engine cancelling them.
// Both writers insert the same keys first thing in their transaction: on Postgres the second
// insert waits for the first one's commit and its later statements see it; SQLite runs one
// write transaction at a time. So whichever commits second sees the other's rows.

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
