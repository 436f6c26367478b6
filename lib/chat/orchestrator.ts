import "server-only";
import { randomUUID } from "node:crypto";
import { draftReply } from "@/lib/ai/draft";
import { foreground } from "@/lib/async/foreground";
import type { Agent } from "@/lib/generated/sqlite/client";
import type { InboundMessage } from "@/lib/turn-taking";
import { decisionPrompt, mayAnswerAgent } from "./agent-prompt";
import { markInterrupted, recordTurn, type TurnRecord } from "./agent-turns";
import { type DroppedReply, dropInterrupted, repliesStartingAt, storeSchedule } from "./bubbles";
import { CREDIT_PRICE, exhaustedMessage, refundCredits, reserveCredits } from "./budgets";
import { roomBus } from "./bus";
import { dueWorker } from "./due-worker";
import { agentRepliesSinceHuman, transcriptFor } from "./messages";
import { roomAgents } from "./room-context";
import { turnTaking } from "./turn-taking-client";

/** How long after an agent's first bubble a relayed line may reach it (past the engine's interruption window). */
const INTERRUPT_MARGIN_MS = 100;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));

/** Agent replies allowed in a row without a human turn: a room never runs away. */
export const MAX_AGENT_REPLIES_WITHOUT_HUMAN = Number(process.env.CHAT_MAX_AGENT_CHAIN ?? 3);

interface Turn {
  agent: Agent;
  roomAgents: Agent[];
  roomName: string | null;
  batch: InboundMessage[];
  /** false: over the bound on agent-only talk, the agent only hears the line */
  mayReply: boolean;
  fromAgent: boolean;
  /** whose hourly credit budget pays: the person who posted, or the room's owner for a relay */
  payerId: string;
  /** the decision is already paid for (reserved for every agent of the room at once) */
  prepaid?: boolean;
  /** called once the agent has decided (or failed to), whatever comes next */
  onDecided?: () => void;
}

type Heard = Pick<
  TurnRecord,
  "roomId" | "agent" | "heardFrom" | "heardFromAgent" | "heard" | "at" | "systemPrompt" | "forwardness"
>;

/** What the decision step leaves: the turn is over, or the agent drafts (paced by epoch, or not). */
type Decided =
  | { done: true; record: TurnRecord }
  | { done: false; turn: Omit<TurnRecord, "outcome">; epoch: number | null };

function notice(roomId: string, message: string) {
  roomBus().publish(roomId, { type: "notice", level: "warning", message });
}

/**
 * A person posted: every agent of the room decides in parallel, paid from the room's and their
 * budget. `known`: the room and its agents, when the caller has just read them.
 */
export async function onHumanMessage(
  roomId: string,
  sender: { id: string; name: string },
  content: string,
  at: Date,
  known?: {
    agents: Agent[];
    room: { name: string; createdById: string };
    /** the sender already paid for every agent's decision (admitMessage) */
    prepaid?: boolean;
  },
): Promise<void> {
  const context = known ?? (await roomAgents(roomId));
  if (!context) return;
  const { agents, room } = context;
  const batch = [{ sender: sender.name, content, client_ts: at.toISOString() }];
  // A person waits for these decisions: this process's background work (deliveries, relays)
  // waits until they are all made (drafting and delivery are not waited for).
  let undecided = agents.length;
  let allDecided = () => {};
  if (undecided > 0) void foreground().run(() => new Promise<void>((resolve) => (allDecided = resolve)));
  const onDecided = () => {
    undecided -= 1;
    if (undecided === 0) allDecided();
  };
  // Every agent's decision reserved in one take (a database statement costs the same for one
  // credit or three), unless admitting the message did; when they do not all fit, each agent
  // tries for its own.
  const prepaid =
    known?.prepaid ||
    (agents.length > 0 &&
      (
        await reserveCredits(roomId, sender.id, agents.length * CREDIT_PRICE.submit).catch((error) => {
          allDecided();
          throw error;
        })
      ).ok);
  await Promise.all(
    agents.map((agent) =>
      takeTurn({
        agent,
        roomAgents: agents,
        roomName: room.name,
        batch,
        mayReply: true,
        fromAgent: false,
        payerId: sender.id,
        prepaid,
        onDecided,
      }),
    ),
  );
}

/** One agent's reply finished: the others hear it, within the bound on agent-only talk (the room's owner pays). */
export async function relayReply(
  from: { id: string; roomId: string; name: string },
  lines: string[],
): Promise<void> {
  const known = await roomAgents(from.roomId);
  if (!known) return;
  const { room, agents: all } = known;
  const others = all.filter((agent) => agent.id !== from.id);
  if (others.length === 0) return;
  const batch = lines.slice(-20).map((content) => ({ sender: from.name, content }));
  const withinBound = (await agentRepliesSinceHuman(from.roomId)) < MAX_AGENT_REPLIES_WITHOUT_HUMAN;
  const text = lines.join("\n");
  const mayReply = new Map(others.map((agent) => [agent.id, withinBound && mayAnswerAgent(agent, text)]));
  const asked = others.filter((agent) => mayReply.get(agent.id));
  // The decisions of every agent asked, reserved in one take (each tries alone when not all fit).
  const prepaid =
    asked.length > 0 &&
    (await reserveCredits(from.roomId, room.createdById, asked.length * CREDIT_PRICE.submit)).ok;
  const starting = await repliesStartingAt(others.map((agent) => agent.id));
  await Promise.all(
    others.map(async (agent) => {
      // Agent threads are interruptible so that a person can stop a reply; another agent's line
      // must not. An agent about to answer hears this one just after its own first bubble.
      const start = starting.get(agent.id);
      if (start) await sleep(start.getTime() - Date.now() + INTERRUPT_MARGIN_MS);
      await takeTurn({
        agent,
        roomAgents: all,
        roomName: room.name,
        batch,
        mayReply: mayReply.get(agent.id) ?? false,
        fromAgent: true,
        payerId: room.createdById,
        prepaid,
      });
    }),
  );
}

/** decide → draft → deliver; the one outcome is recorded once, for the transcript review. */
async function takeTurn(turn: Turn): Promise<void> {
  const heard: Heard = {
    roomId: turn.agent.roomId,
    agent: turn.agent,
    heardFrom: turn.batch.at(-1)?.sender ?? "",
    heardFromAgent: turn.fromAgent,
    heard: turn.batch.map((m) => m.content),
    at: new Date(),
    systemPrompt: turn.agent.systemPrompt,
    forwardness: turn.agent.forwardness,
  };
  const played = await playTurn(turn, heard);
  if (!played) return;
  // Recorded before the bubbles go out, so an interruption finds the turn to mark (one heard
  // before the recorder wrote the row is marked when it does).
  recordTurn(played.record);
  await played.delivered;
}

/** A turn's outcome, and (for a reply) the delivery still under way in this process. */
interface Played {
  record: TurnRecord;
  delivered?: Promise<void>;
}

async function playTurn(turn: Turn, heard: Heard): Promise<Played | null> {
  const decided = await decide(turn, heard).finally(() => turn.onDecided?.());
  if (!decided) return null;
  if (decided.done) return { record: decided.record };
  // Drafting takes this process's CPU; the other messages of a burst are decided first (the
  // reply is paced from when it is sent, seconds out, so nobody sees the wait).
  await foreground().clear();
  let draft: string;
  try {
    draft = await draftFor(turn);
  } catch (error) {
    console.error(`drafting failed for ${turn.agent.name}:`, error);
    return { record: { ...decided.turn, outcome: "failed" } };
  }
  return deliver(turn, decided.turn, decided.epoch, draft);
}

async function decide(turn: Turn, heard: Heard): Promise<Decided | null> {
  const { agent } = turn;
  // Asked to decide only within the bound on agent-only talk and the hourly credit budgets;
  // otherwise the agent still hears the line (skip_decide is free), so its history stays whole.
  let asked = turn.mayReply;
  let reserved = 0;
  if (asked && turn.prepaid) reserved = CREDIT_PRICE.submit;
  else if (asked) {
    const budget = await reserveCredits(agent.roomId, turn.payerId, CREDIT_PRICE.submit);
    if (budget.ok) reserved = CREDIT_PRICE.submit;
    else {
      asked = false;
      if (!turn.fromAgent) notice(agent.roomId, exhaustedMessage(budget));
    }
  }
  try {
    const decision = await turnTaking().client.submitMessages({
      thread_id: agent.threadId,
      messages: turn.batch,
      system_prompt: decisionPrompt(agent.systemPrompt, agent.forwardness),
      agent_name: agent.name,
      ...(asked ? {} : { skip_decide: true }),
      // The embedded engine gives the reasons with the decision, so the review and its charts
      // have them without asking again; the hosted service has no such field.
      ...(asked && turnTaking().mode === "embedded" ? { include_reasons: true } : {}),
    });
    if (decision.interrupted?.length) await onInterrupted(decision.interrupted.map((i) => i.id));
    if (!asked) {
      return {
        done: true,
        record: { ...heard, decision: "not_asked", turnEpoch: decision.turn_epoch, outcome: "not_asked" },
      };
    }
    const decidedTurn = {
      ...heard,
      decision: decision.decision,
      turnEpoch: decision.turn_epoch,
      tags: decision.tags,
      credits: reserved,
      score: decision.score ?? null,
      reasons: decision.reasons ?? null,
    };
    if (decision.decision !== "speak") return { done: true, record: { ...decidedTurn, outcome: "silent" } };
    return { done: false, turn: decidedTurn, epoch: decision.turn_epoch };
  } catch (error) {
    // A failed call costs nothing.
    if (reserved > 0) await refundCredits(agent.roomId, turn.payerId, reserved);
    if (!asked) return null;
    // The hosted docs' advice: when the decision fails, speak.
    console.warn(`turn-taking decision failed for ${agent.name}:`, error);
    notice(agent.roomId, `Turn-taking is unavailable; ${agent.name} answers without timing.`);
    return { done: false, turn: { ...heard, decision: "unavailable" }, epoch: null };
  }
}

/** The engine cancelled the agent's pending reply: it is never shown and the review keeps the draft. */
async function onInterrupted(scheduleIds: string[]): Promise<void> {
  await markInterrupted(await dropInterrupted(scheduleIds));
}

async function draftFor(turn: Turn): Promise<string> {
  const { agent } = turn;
  const draft = await draftReply({
    modelId: agent.modelId,
    name: agent.name,
    persona: agent.persona,
    systemPrompt: agent.systemPrompt,
    roomName: turn.roomName,
    otherParticipants: turn.roomAgents.filter((a) => a.id !== agent.id).map((a) => a.name),
    transcript: await transcriptFor(agent.roomId, agent.id),
  });
  return draft.text;
}

async function deliver(
  turn: Turn,
  decided: Omit<TurnRecord, "outcome">,
  epoch: number | null,
  draft: string,
): Promise<Played> {
  const { agent } = turn;
  const replyKey = randomUUID();
  if (epoch !== null) {
    const budget = await reserveCredits(agent.roomId, turn.payerId, CREDIT_PRICE.respond);
    if (!budget.ok) {
      // Never a silent drop: the room is told why the agent does not answer.
      notice(agent.roomId, `${agent.name} has a reply but cannot send it: ${exhaustedMessage(budget)}`);
      return { record: { ...decided, outcome: "failed", draft } };
    }
    let reply: Awaited<ReturnType<ReturnType<typeof turnTaking>["client"]["respond"]>> | null = null;
    try {
      reply = await turnTaking().client.respond({
        thread_id: agent.threadId,
        content: draft,
        turn_epoch: epoch,
        agent_name: agent.name,
        system_prompt: decisionPrompt(agent.systemPrompt, agent.forwardness),
        pacing: {
          reading_delay_ms: agent.readingDelayMs,
          typing_wpm: agent.typingWpm,
          max_typing_ms: agent.maxTypingMs,
        },
        metadata: { room_id: agent.roomId, agent_id: agent.id, reply_key: replyKey },
      });
    } catch (error) {
      // The hosted docs' advice: when respond fails, deliver the draft unpaced (a failed call costs nothing).
      console.warn(`turn-taking respond failed for ${agent.name}:`, error);
      await refundCredits(agent.roomId, turn.payerId, CREDIT_PRICE.respond);
      notice(agent.roomId, `Turn-taking is unavailable; ${agent.name}'s reply arrives without pacing.`);
    }
    if (reply?.superseded) {
      // A superseded reply is normal: the room moved on, the draft is dropped, and it was free.
      await refundCredits(agent.roomId, turn.payerId, CREDIT_PRICE.respond);
      return { record: { ...decided, outcome: "superseded", draft } };
    }
    if (reply) {
      const { delivered, interrupted } = await schedule(agent, replyKey, reply.scheduled);
      const times = reply.scheduled.map((b) => Date.parse(b.deliver_at));
      return {
        record: {
          ...decided,
          // Cancelled by the engine before it was stored here: recorded as markInterrupted would.
          outcome: interrupted ? "interrupted" : "replied",
          draft: interrupted?.draft,
          replyKey,
          credits: (decided.credits ?? 0) + CREDIT_PRICE.respond,
          firstBubbleAt: times.length ? new Date(Math.min(...times)) : null,
          lastBubbleAt: times.length ? new Date(Math.max(...times)) : null,
        },
        delivered,
      };
    }
  }
  const now = new Date().toISOString();
  const { delivered } = await schedule(agent, replyKey, [
    {
      id: `unpaced:${replyKey}`,
      thread_id: agent.threadId,
      content: draft,
      position: 0,
      deliver_at: now,
      status: "scheduled",
      created_at: now,
      updated_at: now,
    },
  ]);
  const shownAt = new Date(now);
  return {
    record: { ...decided, outcome: "unpaced", replyKey, firstBubbleAt: shownAt, lastBubbleAt: shownAt },
    delivered,
  };
}

/**
 * Stores the bubbles (the truth, for any instance) and follows them in this process: the
 * returned promise settles once they are shown and the reply relayed. Awaited inside `after()`,
 * it keeps a serverless function alive for exactly that; if the process dies, any instance does it.
 * `interrupted`: the engine had already cancelled the reply, so there is nothing to follow.
 */
async function schedule(
  agent: Agent,
  replyKey: string,
  scheduled: Parameters<typeof storeSchedule>[2],
): Promise<{ delivered: Promise<void>; interrupted: DroppedReply | null }> {
  const stored = await storeSchedule(
    { roomId: agent.roomId, agentId: agent.id, agentName: agent.name },
    replyKey,
    scheduled,
  );
  return { delivered: dueWorker().follow(stored.scheduled, relayReply), interrupted: stored.interrupted };
}
