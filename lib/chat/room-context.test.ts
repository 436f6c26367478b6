// What a person's message reads before it is stored, in one query, on both databases: it must
// equal what requireMember and agentsOf read through Prisma.
import { randomUUID } from "node:crypto";
import { describe, expect, it, vi } from "vitest";
import { getDb } from "../db/client";
import { bothDatabases, useDatabase } from "../testing/both-databases";
import { roomWithAgentRows } from "../testing/room-rows";
import { agentsOf } from "./agents";
import { ChatError } from "./errors";
import { insertMessage } from "./message-sequence";
import { agentRepliesSinceHuman } from "./messages";
import { postingContext, roomAgents } from "./room-context";

vi.mock("server-only", () => ({}));

const databases = await bothDatabases("room-context");

describe.each(databases)("postingContext on %s", (_name, { url }) => {
  const run = url ? it : it.skip;

  run("reads the sender's name, the room and its agents oldest first, as Prisma reads them", async () => {
    await useDatabase(url!);
    const ana = await getDb().user.create({ data: { name: "Ana" } });
    const { roomId } = await roomWithAgentRows(ana.id, "Support");
    await getDb().agent.create({
      data: {
        roomId,
        name: "Maya",
        color: "#fff",
        persona: "designer",
        systemPrompt: "You are Maya.",
        modelId: "offline",
        typingWpm: 180,
        readingDelayMs: 900,
        maxTypingMs: 4000,
        forwardness: 0.25,
        threadId: randomUUID(),
        createdAt: new Date(Date.now() + 1000),
      },
    });
    const context = await postingContext(roomId, ana.id);
    expect(context.userName).toBe("Ana");
    expect(context.room).toEqual({ name: "Support", createdById: ana.id });
    expect(context.agents.map((a) => a.name)).toEqual(["Sam", "Maya"]);
    expect(context.agents).toEqual(await agentsOf(roomId));
  });

  run("answers 404 to someone who is not in the room, and lists no agents for a room without", async () => {
    await useDatabase(url!);
    const ana = await getDb().user.create({ data: { name: null } });
    const bob = await getDb().user.create({ data: { name: "Bob" } });
    const { roomId, agent } = await roomWithAgentRows(ana.id);
    const refused = await postingContext(roomId, bob.id).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ChatError);
    expect((refused as ChatError).status).toBe(404);
    await getDb().agent.delete({ where: { id: agent.id } });
    expect(await postingContext(roomId, ana.id)).toMatchObject({ userName: null, agents: [] });
  });

  run(
    "reads a room and its agents for a reply the others hear, and null for a room that is gone",
    async () => {
      await useDatabase(url!);
      const ana = await getDb().user.create({ data: { name: "Ana" } });
      const { roomId } = await roomWithAgentRows(ana.id, "Design");
      expect(await roomAgents(roomId)).toEqual({
        room: { name: "Design", createdById: ana.id },
        agents: await agentsOf(roomId),
      });
      await getDb().room.delete({ where: { id: roomId } });
      expect(await roomAgents(roomId)).toBeNull();
    },
  );

  run("counts the distinct agent replies since the last human line", async () => {
    await useDatabase(url!);
    const ana = await getDb().user.create({ data: { name: "Ana" } });
    const { roomId, agent } = await roomWithAgentRows(ana.id);
    const say = (authorType: "user" | "agent", replyKey?: string, position = 0) =>
      insertMessage({
        roomId,
        authorType,
        senderName: authorType === "user" ? "Ana" : "Sam",
        agentId: authorType === "agent" ? agent.id : null,
        content: "hi",
        replyKey: replyKey ?? null,
        position,
      });
    expect(await agentRepliesSinceHuman(roomId)).toBe(0);
    await say("agent", "r0");
    expect(await agentRepliesSinceHuman(roomId)).toBe(1);
    await say("user");
    expect(await agentRepliesSinceHuman(roomId)).toBe(0);
    await say("agent", "r1", 0);
    await say("agent", "r1", 1);
    await say("agent", "r2", 0);
    expect(await agentRepliesSinceHuman(roomId)).toBe(2);
  });
});
