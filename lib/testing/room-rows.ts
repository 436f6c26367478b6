// A room with its owner as a member and one agent, written straight to the database: for
// tests of what the app stores and reads, where opening a real Turn-taking thread (as
// createAgent does) is beside the point.
import { randomUUID } from "node:crypto";
import { getDb } from "../db/client";

export async function roomWithAgentRows(ownerId: string, name = "room") {
  const db = getDb();
  const room = await db.room.create({ data: { name, inviteCode: randomUUID(), createdById: ownerId } });
  await db.roomMember.create({ data: { roomId: room.id, userId: ownerId, role: "owner" } });
  const agent = await db.agent.create({
    data: {
      roomId: room.id,
      name: "Sam",
      color: "#000",
      persona: "",
      systemPrompt: "",
      modelId: "m",
      threadId: randomUUID(),
    },
  });
  return { roomId: room.id, agent: { id: agent.id, name: agent.name } };
}
