import "server-only";
import { KeyedMutex } from "@/lib/async/keyed-mutex";
import { processSingleton } from "@/lib/async/process-singleton";
import { getDb } from "@/lib/db/client";
import type { ChatMessage } from "@/lib/generated/sqlite/client";
import { roomBus } from "./bus";
import type { ChatMessageDTO } from "./types";

const roomLocks = () => processSingleton("room-seq-lock", () => new KeyedMutex());

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

/**
 * Appends a message with the room's next sequence number and broadcasts it. An agent
 * bubble seen twice (two listeners, a reconnect) is stored once: its delivery id is unique.
 */
export async function appendMessage(input: NewMessage): Promise<ChatMessageDTO | null> {
  const db = getDb();
  const stored = await roomLocks().run(input.roomId, async () => {
    if (input.deliveryId && (await db.chatMessage.findUnique({ where: { deliveryId: input.deliveryId } })))
      return null;
    const last = await db.chatMessage.findFirst({
      where: { roomId: input.roomId },
      orderBy: { seq: "desc" },
      select: { seq: true },
    });
    return db.chatMessage.create({
      data: {
        roomId: input.roomId,
        seq: (last?.seq ?? 0) + 1,
        authorType: input.authorType,
        userId: input.userId ?? null,
        agentId: input.agentId ?? null,
        senderName: input.senderName,
        content: input.content,
        deliveryId: input.deliveryId ?? null,
        replyKey: input.replyKey ?? null,
        position: input.position ?? null,
      },
    });
  });
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
