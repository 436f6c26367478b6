// Schedule fates are kept for the race they order, then pruned by age, on both databases.
import { describe, expect, it, vi } from "vitest";
import { getDb } from "../db/client";
import { bothDatabases, useDatabase } from "../testing/both-databases";
import { cancelledOf, markCancelled, pruneScheduleFates } from "./schedule-fates";

vi.mock("server-only", () => ({}));

const databases = await bothDatabases("schedule-fates");

describe.each(databases)("schedule fates on %s", (name, { url }) => {
  const run = url ? it : it.skip;

  /** Moves a fate's createdAt `hours` into the past, by the database's own clock. */
  const age = (scheduleId: string, hours: number) =>
    getDb().$executeRawUnsafe(
      name === "Postgres"
        ? `UPDATE "ScheduleFate" SET "createdAt" = LOCALTIMESTAMP - $1::int * INTERVAL '1 hour' WHERE "scheduleId" = $2`
        : `UPDATE "ScheduleFate" SET "createdAt" = datetime('now', ?1) WHERE "scheduleId" = ?2`,
      name === "Postgres" ? hours : `-${hours} hours`,
      scheduleId,
    );

  const remaining = async () =>
    (await getDb().scheduleFate.findMany({ orderBy: { scheduleId: "asc" } })).map((f) => f.scheduleId);

  run("prunes the fates a day old and keeps the younger ones, stored or cancelled", async () => {
    await useDatabase(url!);
    await getDb().$transaction((tx) => cancelledOf(tx, ["a-old", "b-almost-a-day", "c-new"]));
    await getDb().$transaction((tx) => markCancelled(tx, ["d-old-cancelled", "e-new-cancelled"]));
    await age("a-old", 25);
    await age("b-almost-a-day", 23);
    await age("d-old-cancelled", 30);

    expect(await pruneScheduleFates()).toBe(2);
    expect(await remaining()).toEqual(["b-almost-a-day", "c-new", "e-new-cancelled"]);
    // A fate written just now is younger than any cutoff in the past, whatever the time of day.
    expect(await pruneScheduleFates(1)).toBe(1);
    expect(await remaining()).toEqual(["c-new", "e-new-cancelled"]);
  });
});
