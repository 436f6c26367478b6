import "server-only";
import { getDb } from "@/lib/db/client";
import { agentsOf } from "./agents";
import { roomBus } from "./bus";
import { ChatError, forbidden, notFound } from "./errors";
import { toMessageDTO } from "./messages";
import { turnTaking } from "./turn-taking-client";
import type { ChatMessageDTO } from "./types";

/**
 * The message a person may change: their own, and their latest in the room. Older lines
 * stay as they were, because agents have already answered them.
 */
async function ownLastMessage(roomId: string, userId: string, messageId: string) {
  const db = getDb();
  const message = await db.chatMessage.findFirst({ where: { id: messageId, roomId } });
  if (!message) throw notFound("message");
  if (message.authorType !== "user" || message.userId !== userId)
    throw forbidden("message", "You can only change your own messages.");
  const later = await db.chatMessage.findFirst({
    where: { roomId, userId, authorType: "user", seq: { gt: message.seq } },
    select: { id: true },
  });
  if (later) throw new ChatError(409, "conflict:message", "Only your last message can be changed.");
  return message;
}

/**
 * Tells every agent's thread that `sender` changed what they said (the spec's
 * `message_edited` event; a deletion is reported the same way, as the spec has no other).
 * Best effort: the change is already stored and shown.
 */
async function reportEdit(roomId: string, sender: string): Promise<void> {
  const { client } = turnTaking();
  const agents = await agentsOf(roomId);
  const results = await Promise.allSettled(
    agents.map((a) => client.recordEvent({ thread_id: a.threadId, type: "message_edited", sender })),
  );
  for (const result of results)
    if (result.status === "rejected") console.warn("record_event message_edited failed", result.reason);
}

export async function editOwnLastMessage(
  roomId: string,
  user: { id: string; name: string },
  messageId: string,
  content: string,
): Promise<ChatMessageDTO> {
  await ownLastMessage(roomId, user.id, messageId);
  const updated = await getDb().chatMessage.update({
    where: { id: messageId },
    data: { content, editedAt: new Date() },
  });
  const dto = toMessageDTO(updated);
  roomBus().publish(roomId, { type: "message_updated", message: dto });
  await reportEdit(roomId, user.name);
  return dto;
}

export async function deleteOwnLastMessage(
  roomId: string,
  user: { id: string; name: string },
  messageId: string,
): Promise<void> {
  await ownLastMessage(roomId, user.id, messageId);
  await getDb().chatMessage.delete({ where: { id: messageId } });
  roomBus().publish(roomId, { type: "message_deleted", id: messageId });
  await reportEdit(roomId, user.name);
}
