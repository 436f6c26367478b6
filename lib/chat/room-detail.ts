import "server-only";
import { getDb } from "@/lib/db/client";
import { toAgentDTO } from "./agents";
import { showDueBubbles } from "./bubbles";
import { budgetFor } from "./budgets";
import { roomBus } from "./bus";
import { listMessages } from "./messages";
import { turnTaking } from "./turn-taking-client";
import type { MemberDTO, RoomDetail } from "./types";

export async function roomMembers(roomId: string): Promise<MemberDTO[]> {
  const members = await getDb().roomMember.findMany({
    where: { roomId },
    include: { user: true },
    orderBy: { joinedAt: "asc" },
  });
  const online = await roomBus().onlineUsers(roomId);
  return members.map((m) => ({
    userId: m.userId,
    name: m.user.name ?? "Someone",
    role: m.role as MemberDTO["role"],
    online: online.has(m.userId),
  }));
}

export async function getRoomDetail(roomId: string, userId: string): Promise<RoomDetail | null> {
  const db = getDb();
  const member = await db.roomMember.findUnique({
    where: { roomId_userId: { roomId, userId } },
    include: { room: { include: { agents: { orderBy: { createdAt: "asc" } } } }, user: true },
  });
  if (!member) return null;
  const { room } = member;
  // Readers show what fell due themselves: no background work is needed for a page to be right.
  await showDueBubbles(roomId);
  return {
    id: room.id,
    name: room.name,
    inviteUrl: `/invite/${room.inviteCode}`,
    isDemo: room.isDemo,
    role: member.role as RoomDetail["role"],
    me: { userId, name: member.user.name ?? "You" },
    agents: room.agents.map(toAgentDTO),
    members: await roomMembers(roomId),
    messages: await listMessages(roomId),
    turnTakingMode: turnTaking().mode,
    budget: await budgetFor(roomId, userId),
  };
}
