import "server-only";
import { getDb } from "@/lib/db/client";
import { forbidden, notFound } from "./errors";

/** The caller's membership, or 404 (never revealing whether the room exists). */
export async function requireMember(roomId: string, userId: string) {
  const member = await getDb().roomMember.findUnique({
    where: { roomId_userId: { roomId, userId } },
    // The member's name comes along: a message or typing event needs it, and it costs no query more.
    include: { room: true, user: { select: { name: true } } },
  });
  if (!member) throw notFound("room");
  return member;
}

export async function requireOwner(roomId: string, userId: string) {
  const member = await requireMember(roomId, userId);
  if (member.role !== "owner") throw forbidden("room", "Only the room's owner can do that.");
  return member;
}
