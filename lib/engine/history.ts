import type { Db } from "../db/client";
import type { ChatLine } from "./decide/types";

export const HISTORY_LIMIT = 200;

/** The thread's latest lines, oldest first, as the decider sees them. */
export async function loadHistory(db: Db, threadPk: string, limit = HISTORY_LIMIT): Promise<ChatLine[]> {
  const rows = await db.engineMessage.findMany({
    where: { threadPk },
    orderBy: [{ receivedAt: "desc" }, { seq: "desc" }],
    take: limit,
    select: { sender: true, content: true, clientTs: true, receivedAt: true, self: true },
  });
  return rows.reverse().map((r) => ({
    sender: r.sender,
    content: r.content,
    ts: (r.clientTs ?? r.receivedAt).getTime(),
    ...(r.self ? { self: true } : {}),
  }));
}
