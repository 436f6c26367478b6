import "server-only";
import { randomUUID } from "node:crypto";
import { draftReply } from "@/lib/ai/draft";
import { getDb } from "@/lib/db/client";
import type { Agent } from "@/lib/generated/sqlite/client";
import type { InboundMessage } from "@/lib/turn-taking";
import { ensureListeners } from "./agent-listeners";
import { decisionPrompt, mayAnswerAgent } from "./agent-prompt";
import { recordTurn, type TurnRecord } from "./agent-turns";
import { CREDIT_PRICE, exhaustedMessage, refundCredits, reserveCredits } from "./budgets";
import { roomBus } from "./bus";
import { agentRepliesSinceHuman, appendMessage, transcriptFor } from "./messages";
import { turnTaking } from "./turn-taking-client";

/** Agent replies allowed in a row without a human turn: a room never runs away. */
export const MAX_AGENT_REPLIES_WITHOUT_HUMAN = Number(process.env.CHAT_MAX_AGENT_CHAIN ?? 3);

function notice(roomId: string, message: string) {
  roomBus().publish(roomId, { type: "notice", level: "warning", message });
}

/** A person posted: every agent of the room decides in parallel, paid from the room's and their budget. */
export async function onHumanMessage(
  roomId: string,
  sender: { id: string; name: string },
  content: string,
  at: Date,
): Promise<void> {
  const agents = await getDb().agent.findMany({ where: { roomId } });
  ensureListeners(agents);
  const room = await getDb().room.findUnique({ where: { id: roomId }, select: { name: true } });
  await Promise.all(
    agents.map((agent) =>
      takeTurn(
        agent,
        agents,
        room?.name ?? null,
        [{ sender: sender.name, content, client_ts: at.toISOString() }],
        { payerId: sender.id },
      ),
    ),
  );
}

/** One agent's reply finished: the others hear it, within the bound on agent-only talk. */
export async function relayReply(
  from: { id: string; roomId: string; name: string },
  lines: string[],
): Promise<void> {
  const all = await getDb().agent.findMany({ where: { roomId: from.roomId } });
  const others = all.filter((agent) => agent.id !== from.id);
  if (others.length === 0) return;
  const room = await getDb().room.findUnique({
    where: { id: from.roomId },
    select: { name: true, createdById: true },
  });
  if (!room) return;
  const batch = lines.slice(-20).map((content) => ({ sender: from.name, content }));
  const withinBound = (await agentRepliesSinceHuman(from.roomId)) < MAX_AGENT_REPLIES_WITHOUT_HUMAN;
  const text = lines.join("\n");
  await Promise.all(
    others.map((agent) =>
      takeTurn(agent, all, room.name, batch, {
        mayReply: withinBound && mayAnswerAgent(agent, text),
        fromAgent: true,
        payerId: room.createdById,
      }),
    ),
  );
}

async function takeTurn(
  agent: Agent,
  roomAgents: Agent[],
  roomName: string | null,
  batch: InboundMessage[],
  options: { mayReply?: boolean; fromAgent?: boolean; payerId: string },
): Promise<void> {
  const { client } = turnTaking();
  const { payerId } = options;
  const systemPrompt = decisionPrompt(agent.systemPrompt, agent.forwardness);
  // Every turn is recorded for the transcript review, silences included.
  const heard = {
    roomId: agent.roomId,
    agent,
    heardFrom: batch.at(-1)?.sender ?? "",
    heardFromAgent: options.fromAgent ?? false,
    heard: batch.map((m) => m.content),
    at: new Date(),
  };
  let turn: Omit<TurnRecord, "outcome">;
  let epoch: number | null = null;
  let mayReply = options.mayReply !== false;
  let reserved = 0;
  if (mayReply) {
    // Over budget the agent still hears the line (skip_decide is free) but is not asked to decide.
    const budget = await reserveCredits(agent.roomId, payerId, CREDIT_PRICE.submit);
    if (budget.ok) reserved = CREDIT_PRICE.submit;
    else {
      mayReply = false;
      if (!options.fromAgent) notice(agent.roomId, exhaustedMessage(budget));
    }
  }
  try {
    const decision = await client.submitMessages({
      thread_id: agent.threadId,
      messages: batch,
      system_prompt: systemPrompt,
      agent_name: agent.name,
      // Over the bound, the agent still hears the line (its history stays whole) but is not asked to decide.
      ...(mayReply ? {} : { skip_decide: true }),
    });
    if (!mayReply) {
      recordTurn({ ...heard, decision: "not_asked", turnEpoch: decision.turn_epoch, outcome: "not_asked" });
      return;
    }
    const spoke = decision.decision === "speak";
    turn = { ...heard, decision: decision.decision, turnEpoch: decision.turn_epoch, tags: decision.tags };
    if (!spoke) {
      recordTurn({ ...turn, outcome: "silent" });
      return;
    }
    epoch = decision.turn_epoch;
  } catch (error) {
    // A failed call costs nothing.
    if (reserved > 0) await refundCredits(agent.roomId, payerId, reserved);
    if (!mayReply) return;
    // The hosted docs' advice: when the decision fails, speak.
    console.warn(`turn-taking decision failed for ${agent.name}:`, error);
    notice(agent.roomId, `Turn-taking is unavailable; ${agent.name} answers without timing.`);
    turn = { ...heard, decision: "unavailable" };
  }

  let draftText: string;
  try {
    const transcript = await transcriptFor(agent.roomId, agent.id);
    const draft = await draftReply({
      modelId: agent.modelId,
      name: agent.name,
      persona: agent.persona,
      systemPrompt: agent.systemPrompt,
      roomName,
      otherParticipants: roomAgents.filter((a) => a.id !== agent.id).map((a) => a.name),
      transcript,
    });
    draftText = draft.text;
  } catch (error) {
    recordTurn({ ...turn, outcome: "failed" });
    throw error;
  }
  const replyKey = randomUUID();
  if (epoch === null) {
    recordTurn({ ...turn, outcome: "unpaced", replyKey });
    return deliverUnpaced(agent, draftText, replyKey);
  }
  const budget = await reserveCredits(agent.roomId, payerId, CREDIT_PRICE.respond);
  if (!budget.ok) {
    // Never a silent drop: the room is told why the agent does not answer.
    notice(agent.roomId, `${agent.name} has a reply but cannot send it: ${exhaustedMessage(budget)}`);
    recordTurn({ ...turn, outcome: "failed", draft: draftText });
    return;
  }
  try {
    // A superseded reply is normal: the room moved on, the draft is dropped.
    const reply = await client.respond({
      thread_id: agent.threadId,
      content: draftText,
      turn_epoch: epoch,
      agent_name: agent.name,
      system_prompt: systemPrompt,
      pacing: {
        reading_delay_ms: agent.readingDelayMs,
        typing_wpm: agent.typingWpm,
        max_typing_ms: agent.maxTypingMs,
      },
      metadata: { room_id: agent.roomId, agent_id: agent.id, reply_key: replyKey },
    });
    if (reply.superseded) await refundCredits(agent.roomId, payerId, CREDIT_PRICE.respond);
    recordTurn(
      reply.superseded
        ? { ...turn, outcome: "superseded", draft: draftText }
        : { ...turn, outcome: "replied", replyKey },
    );
  } catch (error) {
    // The hosted docs' advice: when respond fails, deliver the draft unpaced.
    console.warn(`turn-taking respond failed for ${agent.name}:`, error);
    await refundCredits(agent.roomId, payerId, CREDIT_PRICE.respond);
    notice(agent.roomId, `Turn-taking is unavailable; ${agent.name}'s reply arrives without pacing.`);
    recordTurn({ ...turn, outcome: "unpaced", replyKey });
    await deliverUnpaced(agent, draftText, replyKey);
  }
}

async function deliverUnpaced(agent: Agent, text: string, replyKey: string): Promise<void> {
  await appendMessage({
    roomId: agent.roomId,
    authorType: "agent",
    agentId: agent.id,
    senderName: agent.name,
    content: text,
    replyKey,
    position: 0,
  });
  await relayReply(agent, [text]);
}
