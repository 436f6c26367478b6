// Puts a room's messages and its agents' turns in one time line for the review.
// Pure: the loader reads the rows, this decides what the reviewer sees.

import type { AgentTurn } from "@/lib/generated/sqlite/client";
import type {
  AgentTurnStats,
  ReviewActivity,
  ReviewBubble,
  ReviewFilter,
  ReviewReason,
  ReviewTurn,
  TimelineItem,
  TurnDecision,
  TurnFilter,
  TurnOutcome,
} from "./review-types";
import { parseStoredReasons } from "./stored-reasons";
import type { ChatMessageDTO } from "./types";

export const REVIEW_FILTERS: readonly ReviewFilter[] = [
  "all",
  "spoke",
  "silent",
  "dropped",
  "interrupted",
  "heard",
  "failed",
];

export function parseFilter(value: string | string[] | undefined): ReviewFilter {
  const v = Array.isArray(value) ? value[0] : value;
  return REVIEW_FILTERS.includes(v as ReviewFilter) ? (v as ReviewFilter) : "all";
}

/** A reply was drafted but did not reach the room as planned. */
const DROPPED: ReadonlySet<TurnOutcome> = new Set(["superseded", "interrupted", "failed"]);

export function matchesFilter(turn: Pick<ReviewTurn, "decision" | "outcome">, filter: ReviewFilter): boolean {
  switch (filter) {
    case "all":
      return true;
    case "spoke":
      return turn.outcome === "replied" || turn.outcome === "unpaced";
    case "silent":
      return turn.decision === "stay_silent";
    case "dropped":
      return DROPPED.has(turn.outcome);
    case "interrupted":
      return turn.outcome === "interrupted";
    case "heard":
      return turn.outcome === "not_asked";
    case "failed":
      return turn.outcome === "failed";
  }
}

/** Of one of the agents (when any are named) and with one of the outcomes (when any are named). */
export function matchesTurnFilter(
  turn: Pick<ReviewTurn, "agentId" | "decision" | "outcome">,
  filter: TurnFilter,
): boolean {
  if (filter.agents.length > 0 && (turn.agentId === null || !filter.agents.includes(turn.agentId))) {
    return false;
  }
  return filter.outcomes.length === 0 || filter.outcomes.some((o) => matchesFilter(turn, o));
}

/** A stored turn, as the database returns it. */
export type TurnRow = Omit<AgentTurn, "roomId" | "updatedAt">;

export interface DecisionDetail {
  score: number;
  reasons: ReviewReason[];
}

function parseTags(json: string): string[] {
  try {
    const value = JSON.parse(json) as unknown;
    return Array.isArray(value) ? value.filter((t): t is string => typeof t === "string") : [];
  } catch {
    return [];
  }
}

/** A turn that decided speak or stay_silent; one not asked has an engine record, but no decision worth showing. */
export function isDecided(row: Pick<TurnRow, "decision">): boolean {
  return row.decision === "speak" || row.decision === "stay_silent";
}

/** The reasons stored on the turn, else the engine's decision record for it (by agent and turn epoch). */
export function detailOf(
  row: Pick<TurnRow, "decision" | "agentId" | "turnEpoch" | "score" | "reasons">,
  decisions: ReadonlyMap<string, ReadonlyMap<number, DecisionDetail>>,
): DecisionDetail | undefined {
  if (!isDecided(row)) return undefined;
  const stored = row.score !== null ? parseStoredReasons(row.reasons) : null;
  if (stored && row.score !== null) return { score: row.score, reasons: stored };
  return row.agentId !== null && row.turnEpoch !== null
    ? decisions.get(row.agentId)?.get(row.turnEpoch)
    : undefined;
}

/** A stored turn, with its reasons when known (see detailOf) and its reply's bubbles. */
export function toReviewTurn(
  row: TurnRow,
  decisions: ReadonlyMap<string, ReadonlyMap<number, DecisionDetail>>,
  bubbles: ReadonlyMap<string, ReviewBubble[]> = new Map(),
): ReviewTurn {
  const detail = detailOf(row, decisions);
  return {
    id: row.id,
    agentId: row.agentId,
    agentName: row.agentName,
    heardFrom: row.heardFrom,
    heardFromAgent: row.heardFromAgent,
    heard: row.heard,
    decision: row.decision as TurnDecision,
    turnEpoch: row.turnEpoch,
    tags: parseTags(row.tags),
    outcome: row.outcome as TurnOutcome,
    draft: row.draft,
    replyKey: row.replyKey,
    createdAt: row.createdAt.toISOString(),
    score: detail?.score ?? null,
    reasons: detail?.reasons ?? null,
    credits: row.credits,
    bubbles: row.replyKey ? (bubbles.get(row.replyKey) ?? []) : [],
  };
}

/**
 * Messages, typing events and turns in time order; the turns that follow one message
 * (usually one per agent) form one group. Turns the filter hides leave their messages
 * in place, so the conversation stays readable; a turn named in `keep` (a deep link's)
 * is shown whatever the filter.
 */
export function buildTimeline(
  messages: readonly ChatMessageDTO[],
  turns: readonly ReviewTurn[],
  filter: ReviewFilter | TurnFilter,
  { activity = [], keep = null }: { activity?: readonly ReviewActivity[]; keep?: string | null } = {},
): TimelineItem[] {
  const shows =
    typeof filter === "string"
      ? (turn: ReviewTurn) => matchesFilter(turn, filter)
      : (turn: ReviewTurn) => matchesTurnFilter(turn, filter);
  type Entry = {
    at: number;
    order: number;
    item: Exclude<TimelineItem, { kind: "turns" }> | ReviewTurn;
  };
  const entries: Entry[] = [
    ...messages.map((message, i) => ({
      at: Date.parse(message.createdAt),
      order: i,
      item: { kind: "message" as const, message },
    })),
    // After the messages of the same millisecond, before the turns about them.
    ...activity.map((a, i) => ({
      at: Date.parse(a.createdAt),
      order: messages.length + i,
      item: { kind: "activity" as const, activity: a },
    })),
    ...turns
      .filter((turn) => turn.id === keep || shows(turn))
      .map((turn, i) => ({
        at: Date.parse(turn.createdAt),
        order: messages.length + activity.length + i,
        item: turn,
      })),
  ];
  // Same millisecond: the message first, since a turn is always about something already said.
  entries.sort((a, b) => a.at - b.at || a.order - b.order);
  const timeline: TimelineItem[] = [];
  for (const { item } of entries) {
    if ("kind" in item) {
      timeline.push(item);
      continue;
    }
    const last = timeline.at(-1);
    if (last?.kind === "turns") last.turns.push(item);
    else timeline.push({ kind: "turns", key: item.id, turns: [item] });
  }
  return timeline;
}

/**
 * Per agent, in the order given: how often it was heard, spoke, stayed silent, or had a
 * draft dropped, and the credits it spent. Each entry is one turn, or `count` turns alike
 * (with `credits` their sum).
 */
export function turnStats(
  agents: readonly { id: string; name: string }[],
  turns: readonly (Pick<ReviewTurn, "agentId" | "decision" | "outcome"> & {
    count?: number;
    credits?: number;
  })[],
): AgentTurnStats[] {
  const stats = new Map<string, AgentTurnStats>(
    agents.map((a) => [
      a.id,
      { agentId: a.id, agentName: a.name, turns: 0, spoke: 0, silent: 0, heard: 0, dropped: 0, credits: 0 },
    ]),
  );
  for (const turn of turns) {
    if (turn.agentId === null) continue;
    const entry = stats.get(turn.agentId);
    if (!entry) continue;
    countTurns(entry, turn, turn.count ?? 1);
    entry.credits += turn.credits ?? 0;
  }
  return [...stats.values()];
}

/** Adds `n` turns alike to a tally; spoke + silent + heard + dropped always add up to turns. */
export function countTurns(
  into: { turns: number; spoke: number; silent: number; heard: number; dropped: number },
  turn: Pick<ReviewTurn, "decision" | "outcome">,
  n: number,
): void {
  into.turns += n;
  if (matchesFilter(turn, "spoke")) into.spoke += n;
  if (matchesFilter(turn, "silent")) into.silent += n;
  if (matchesFilter(turn, "dropped")) into.dropped += n;
  if (turn.outcome === "not_asked") into.heard += n;
}

/** "addressed_by_name" → "Addressed by name". */
export function factorLabel(factor: string): string {
  const words = factor.replace(/[_-]+/g, " ").trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
