import "server-only";
import { getDb } from "@/lib/db/client";
import { databaseProvider } from "@/lib/db/url";
import type { ChatMessage } from "@/lib/generated/sqlite/client";
import { roomBus } from "./bus";
import { insertMessage, type NewMessage } from "./message-sequence";
import { dialect } from "./review-sql";
import type { ChatMessageDTO } from "./types";

export function toMessageDTO(m: ChatMessage): ChatMessageDTO {
  return {
    id: m.id,
    seq: m.seq,
    authorType: m.authorType as ChatMessageDTO["authorType"],
    userId: m.userId,
    agentId: m.agentId,
    senderName: m.senderName,
    content: m.content,
    deliveryId: m.deliveryId,
    replyKey: m.replyKey,
    position: m.position,
    createdAt: m.createdAt.toISOString(),
    editedAt: m.editedAt?.toISOString() ?? null,
  };
}

export type { NewMessage } from "./message-sequence";

/** Appends a message with the room's next sequence number and tells the room's streams. */
export async function appendMessage(input: NewMessage): Promise<ChatMessageDTO | null> {
  const stored = await insertMessage(input);
  if (!stored) return null;
  const dto = toMessageDTO(stored);
  roomBus().publish(input.roomId, { type: "message", message: dto });
  return dto;
}

export async function listMessages(roomId: string, after = 0, limit = 200): Promise<ChatMessageDTO[]> {
  const rows = await getDb().chatMessage.findMany({
    where: { roomId, seq: { gt: after } },
    orderBy: { seq: after > 0 ? "asc" : "desc" },
    take: limit,
  });
  return (after > 0 ? rows : rows.reverse()).map(toMessageDTO);
}

/**
 * The room's recent lines as a drafting transcript for one agent. Raw SQL: every reply of a
 * burst drafts from it, and through Prisma's query builder it cost three to four times the CPU.
 */
export async function transcriptFor(roomId: string, agentId: string, limit = 40) {
  const d = dialect();
  const rows = await getDb().$queryRawUnsafe<
    { senderName: string; content: string; agentId: string | null }[]
  >(
    `SELECT "senderName", "content", "agentId" FROM "ChatMessage"
     WHERE "roomId" = ${d.p(1)} AND "authorType" <> 'system' ORDER BY "seq" DESC LIMIT ${d.p(2)}`,
    roomId,
    limit,
  );
  return rows
    .reverse()
    .map((m) => ({ sender: m.senderName, content: m.content, self: m.agentId === agentId }));
}

/** Agent replies since the last human message: the bound on agent-only exchanges. */
export async function agentRepliesSinceHuman(roomId: string): Promise<number> {
  const postgres = databaseProvider(process.env.DATABASE_URL) === "postgres";
  const rows = await getDb().$queryRawUnsafe<{ n: number | bigint }[]>(
    postgres ? REPLIES_SINCE_HUMAN_POSTGRES : REPLIES_SINCE_HUMAN_SQLITE,
    roomId,
  );
  return Number(rows[0]?.n ?? 0);
}

// One round trip: the last human line's seq and the distinct replies after it.
const REPLIES_SINCE_HUMAN = (room: string) =>
  `SELECT COUNT(DISTINCT "replyKey") AS "n" FROM "ChatMessage"
   WHERE "roomId" = ${room} AND "authorType" = 'agent' AND "seq" > COALESCE(
     (SELECT MAX("seq") FROM "ChatMessage" WHERE "roomId" = ${room} AND "authorType" = 'user'), 0)`;
const REPLIES_SINCE_HUMAN_POSTGRES = REPLIES_SINCE_HUMAN("$1");
const REPLIES_SINCE_HUMAN_SQLITE = REPLIES_SINCE_HUMAN("?1");
