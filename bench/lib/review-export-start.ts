// The start of a room export, for bench:review on a branch without the export route: the
// first `limit` messages of the room in order, each with the agent turns that heard it, the
// query an export streams from. (Messages by (roomId, seq); turns by (roomId, createdAt).)
import { getDb } from "../../lib/db/client";

export async function exportRoomStart(roomId: string, limit: number) {
  const db = getDb();
  const messages = await db.chatMessage.findMany({ where: { roomId }, orderBy: { seq: "asc" }, take: limit });
  const last = messages.at(-1);
  const turns = last
    ? await db.agentTurn.findMany({
        where: { roomId, createdAt: { lte: new Date(last.createdAt.getTime() + 60_000) } },
        orderBy: { createdAt: "asc" },
        take: limit * 4,
      })
    : [];
  return { messages, turns };
}
