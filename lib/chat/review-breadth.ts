import "server-only";
import { getDb } from "@/lib/db/client";
import { type ReviewScope, scopeSql } from "./review-scope";
import { dialect, num } from "./review-sql";

/**
 * Whether the caller's rooms in scope are at least half of all rooms: then reading the turns
 * in an index's order beats seeking them room by room (see `ReviewScope.mostRooms`). Only
 * SQLite needs telling (Postgres plans from statistics), so only SQLite is asked.
 */
export async function coversMostRooms(scope: ReviewScope): Promise<boolean> {
  const d = dialect();
  if (d.provider !== "sqlite" || scope.roomId || scope.only) return false;
  const s = scopeSql(d, scope);
  const [row] = await getDb().$queryRawUnsafe<Record<string, unknown>[]>(
    `${s.rooms} SELECT (SELECT COUNT(*) FROM rooms) AS mine, (SELECT COUNT(*) FROM "Room") AS "all"`,
    ...s.roomParams,
  );
  const mine = num(row?.mine) ?? 0;
  return mine > 0 && mine * 2 >= (num(row?.all) ?? 0);
}
