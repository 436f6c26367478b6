import "server-only";
import { modelLabel } from "@/lib/ai/models";
import { getDb } from "@/lib/db/client";
import type { Agent } from "@/lib/generated/sqlite/client";
import { limits } from "@/lib/limits/config";
import { roomBus } from "./bus";
import { badRequest, ChatError, notFound } from "./errors";
import type { AgentInput } from "./schemas";
import { turnTaking } from "./turn-taking-client";
import type { AgentDTO } from "./types";

export function toAgentDTO(a: Agent): AgentDTO {
  return {
    id: a.id,
    name: a.name,
    color: a.color,
    persona: a.persona,
    systemPrompt: a.systemPrompt,
    modelId: a.modelId,
    modelLabel: modelLabel(a.modelId),
    typingWpm: a.typingWpm,
    readingDelayMs: a.readingDelayMs,
    maxTypingMs: a.maxTypingMs,
    forwardness: a.forwardness,
  };
}

async function publishAgents(roomId: string) {
  const agents = await getDb().agent.findMany({ where: { roomId }, orderBy: { createdAt: "asc" } });
  roomBus().publish(roomId, { type: "agents", agents: agents.map(toAgentDTO) });
}

/** Each agent in a room gets its own Turn-taking thread, with behavioural signals on. */
export async function createAgent(roomId: string, input: AgentInput): Promise<AgentDTO> {
  const db = getDb();
  // Every agent costs a decision per message: a room holds at most CHAT_MAX_AGENTS_PER_ROOM.
  const max = limits().maxAgentsPerRoom;
  if ((await db.agent.count({ where: { roomId } })) >= max)
    throw new ChatError(
      409,
      "limit:agents",
      `A room can have at most ${max} agents. Remove one to add another.`,
    );
  if (await db.agent.findFirst({ where: { roomId, name: input.name } })) {
    throw badRequest("An agent with that name is already in this room.", {
      name: "Already taken in this room",
    });
  }
  // Interruptible: someone speaking before the agent's first bubble stops its reply, as it would stop a person.
  const opened = await turnTaking().client.openThread({
    integrations: { social_signals: {} },
    interruptible: true,
  });
  const agent = await db.agent.create({ data: { ...input, roomId, threadId: opened.thread.id } });
  await publishAgents(roomId);
  return toAgentDTO(agent);
}

export async function updateAgent(
  roomId: string,
  agentId: string,
  patch: Partial<AgentInput>,
): Promise<AgentDTO> {
  const db = getDb();
  const agent = await db.agent.findFirst({ where: { id: agentId, roomId } });
  if (!agent) throw notFound("agent");
  if (
    patch.name &&
    patch.name !== agent.name &&
    (await db.agent.findFirst({ where: { roomId, name: patch.name } }))
  ) {
    throw badRequest("An agent with that name is already in this room.", {
      name: "Already taken in this room",
    });
  }
  const updated = await db.agent.update({ where: { id: agentId }, data: patch });
  await publishAgents(roomId);
  return toAgentDTO(updated);
}

export async function deleteAgent(roomId: string, agentId: string): Promise<void> {
  const db = getDb();
  const result = await db.agent.deleteMany({ where: { id: agentId, roomId } });
  if (result.count === 0) throw notFound("agent");
  await publishAgents(roomId);
}

export async function agentsOf(roomId: string): Promise<Agent[]> {
  return getDb().agent.findMany({ where: { roomId }, orderBy: { createdAt: "asc" } });
}

export async function agentInRoom(roomId: string, agentId: string): Promise<Agent | null> {
  return getDb().agent.findFirst({ where: { id: agentId, roomId } });
}
