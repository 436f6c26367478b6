import "server-only";
import { type Db, getDb } from "@/lib/db/client";
import type { ChatMessage } from "@/lib/generated/sqlite/client";
import { roomBus } from "./bus";
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
  };
}

export interface NewMessage {
  roomId: string;
  authorType: "user" | "agent" | "system";
  userId?: string | null;
  agentId?: string | null;
  senderName: string;
  content: string;
  deliveryId?: string | null;
  replyKey?: string | null;
  position?: number | null;
}

type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

/**
 * Stores a message under its room's next sequence number. The number comes from bumping
 * Room.lastSeq inside the same transaction, so messages commit in seq order on every
 * instance (the room row stays locked until commit) and a stream that has seen seq N has
 * every message before it. Returns null when the room is gone.
 */
export async function insertWithNextSeq(
  tx: Tx,
  input: NewMessage & { createdAt?: Date },
): Promise<ChatMessage | null> {
  const rooms = await tx.room.updateMany({
    where: { id: input.roomId },
    data: { lastSeq: { increment: 1 } },
  });
  if (rooms.count === 0) return null;
  const room = await tx.room.findUniqueOrThrow({ where: { id: input.roomId }, select: { lastSeq: true } });
  return tx.chatMessage.create({
    data: {
      roomId: input.roomId,
      seq: room.lastSeq,
      authorType: input.authorType,
      userId: input.userId ?? null,
      agentId: input.agentId ?? null,
      senderName: input.senderName,
      content: input.content,
      deliveryId: input.deliveryId ?? null,
      replyKey: input.replyKey ?? null,
      position: input.position ?? null,
      ...(input.createdAt ? { createdAt: input.createdAt } : {}),
    },
  });
}

/** Appends a message with the room's next sequence number and tells the room's streams. */
export async function appendMessage(input: NewMessage): Promise<ChatMessageDTO | null> {
  const stored = await getDb().$transaction((tx) => insertWithNextSeq(tx, input));
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

/** The room's recent lines as a drafting transcript for one agent. */
export async function transcriptFor(roomId: string, agentId: string, limit = 40) {
  const rows = await getDb().chatMessage.findMany({
    where: { roomId, authorType: { not: "system" } },
    orderBy: { seq: "desc" },
    take: limit,
  });
  return rows
    .reverse()
    .map((m) => ({ sender: m.senderName, content: m.content, self: m.agentId === agentId }));
}

/** Agent replies since the last human message: the bound on agent-only exchanges. */
export async function agentRepliesSinceHuman(roomId: string): Promise<number> {
  const db = getDb();
  const lastHuman = await db.chatMessage.findFirst({
    where: { roomId, authorType: "user" },
    orderBy: { seq: "desc" },
    select: { seq: true },
  });
  const replies = await db.chatMessage.findMany({
    where: { roomId, authorType: "agent", seq: { gt: lastHuman?.seq ?? 0 } },
    select: { replyKey: true },
    distinct: ["replyKey"],
  });
  return replies.length;
}
