import "server-only";
import { randomBytes } from "node:crypto";
import { getDb } from "@/lib/db/client";
import { createAgent } from "./agents";
import { roomBus } from "./bus";
import { appendMessage } from "./messages";
import { STARTER_AGENTS } from "./starter-agents";
import type { RoomSummary } from "./types";

const newInviteCode = () => randomBytes(12).toString("base64url");

export async function createRoom(
  userId: string,
  name: string,
  options: { demo?: boolean } = {},
): Promise<string> {
  const db = getDb();
  const room = await db.room.create({
    data: {
      name,
      inviteCode: newInviteCode(),
      createdById: userId,
      isDemo: options.demo ?? false,
      members: { create: { userId, role: "owner" } },
    },
  });
  for (const agent of STARTER_AGENTS) await createAgent(room.id, agent);
  return room.id;
}

/** A newcomer's first visit gets a demo room with three agents, so they can chat at once. */
export async function ensureDemoRoom(userId: string): Promise<void> {
  const db = getDb();
  if (await db.roomMember.findFirst({ where: { userId } })) return;
  const roomId = await createRoom(userId, "Demo room", { demo: true });
  await appendMessage({
    roomId,
    authorType: "system",
    senderName: "Roundtable",
    content:
      "Welcome! Sam (support), Maya (design) and Pip (fun) are here. Ask Sam about a login problem, Maya about a " +
      "screen, or just say hi — each decides for itself whether to answer.",
  });
}

export async function listRoomsForUser(userId: string): Promise<RoomSummary[]> {
  const db = getDb();
  const memberships = await db.roomMember.findMany({
    where: { userId },
    include: {
      room: {
        include: {
          _count: { select: { agents: true, members: true } },
          messages: { orderBy: { seq: "desc" }, take: 1 },
        },
      },
    },
    orderBy: { joinedAt: "asc" },
  });
  return memberships.map(({ room, role }) => {
    const last = room.messages[0];
    return {
      id: room.id,
      name: room.name,
      isDemo: room.isDemo,
      role: role as RoomSummary["role"],
      agentCount: room._count.agents,
      memberCount: room._count.members,
      lastMessage: last
        ? { senderName: last.senderName, content: last.content, createdAt: last.createdAt.toISOString() }
        : null,
    };
  });
}

export async function renameRoom(roomId: string, name: string): Promise<void> {
  await getDb().room.update({ where: { id: roomId }, data: { name } });
  roomBus().publish(roomId, { type: "room", name });
}

export async function deleteRoom(roomId: string): Promise<void> {
  await getDb().room.delete({ where: { id: roomId } });
}

/** What the invite page shows before someone joins: the room, and whether they are in it. */
export async function inviteInfo(code: string, userId: string) {
  const room = await getDb().room.findUnique({
    where: { inviteCode: code },
    include: {
      _count: { select: { agents: true, members: true } },
      members: { where: { userId }, select: { role: true } },
    },
  });
  if (!room) return null;
  return {
    roomId: room.id,
    name: room.name,
    agentCount: room._count.agents,
    memberCount: room._count.members,
    isMember: room.members.length > 0,
  };
}

/** The owner replaces the invite link: the old one stops working at once. */
export async function resetInvite(roomId: string): Promise<string> {
  const room = await getDb().room.update({ where: { id: roomId }, data: { inviteCode: newInviteCode() } });
  return `/invite/${room.inviteCode}`;
}

/** The owner removes a member: they lose access at once and their open stream ends. */
export async function removeMember(roomId: string, userId: string): Promise<boolean> {
  const removed = await getDb().roomMember.deleteMany({ where: { roomId, userId, role: { not: "owner" } } });
  if (removed.count === 0) return false;
  roomBus().publish(roomId, { type: "removed", userId });
  return true;
}

/** Joins the room behind an invite code; returns its id, or null for an unknown code. */
export async function joinByInvite(code: string, userId: string): Promise<string | null> {
  const db = getDb();
  const room = await db.room.findUnique({ where: { inviteCode: code } });
  if (!room) return null;
  await db.roomMember.upsert({
    where: { roomId_userId: { roomId: room.id, userId } },
    create: { roomId: room.id, userId, role: "member" },
    update: {},
  });
  return room.id;
}
