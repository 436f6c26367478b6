import "server-only";
import { getDb } from "@/lib/db/client";
import { databaseProvider } from "@/lib/db/url";
import { requireMember } from "./membership";
import { toMessageDTO } from "./messages";
import type { ChatMessageDTO } from "./types";

/** Results per page of a search. */
export const SEARCH_PAGE_SIZE = 50;

export interface ReviewSearch {
  room: { id: string; name: string };
  query: string;
  results: ChatMessageDTO[];
  /** the `from` of the next (older) page of results, else null */
  moreFrom: number | null;
}

/**
 * The room's messages containing `query`, newest first, a page at a time (below message
 * number `from`). Case-insensitive on both databases: SQLite's LIKE already is (for
 * ASCII), Postgres needs ILIKE. The (roomId, seq) index is walked backwards, so a page
 * of a common word reads little; a rare one reads the room once.
 */
export async function searchRoomMessages(
  roomId: string,
  userId: string,
  query: string,
  from?: number,
): Promise<ReviewSearch> {
  const { room } = await requireMember(roomId, userId);
  // The SQLite client's types (the ones the app codes against) have no `mode`.
  const content =
    databaseProvider(process.env.DATABASE_URL) === "postgres"
      ? ({ contains: query, mode: "insensitive" } as unknown as { contains: string })
      : { contains: query };
  const rows = await getDb().chatMessage.findMany({
    where: { roomId, ...(from !== undefined ? { seq: { lt: from } } : {}), content },
    orderBy: { seq: "desc" },
    take: SEARCH_PAGE_SIZE + 1,
  });
  const page = rows.slice(0, SEARCH_PAGE_SIZE);
  return {
    room: { id: room.id, name: room.name },
    query,
    results: page.map(toMessageDTO),
    moreFrom: rows.length > SEARCH_PAGE_SIZE ? (page.at(-1)?.seq ?? null) : null,
  };
}
