// Shapes of the transcript review, shared by the server loader and the pages.

import type { ChatMessageDTO } from "./types";

/** speak | stay_silent from the decision; not_asked when another agent's line was only heard; unavailable when Turn-taking failed. */
export type TurnDecision = "speak" | "stay_silent" | "not_asked" | "unavailable";

/**
 * silent; replied (bubbles scheduled); superseded (the room moved on, the draft was
 * dropped); interrupted (someone spoke before the first bubble, the engine cancelled the
 * reply); unpaced (delivered without Turn-taking); not_asked; failed (drafting failed).
 * A turn is stored once its outcome is known; only an interruption changes it later.
 */
export type TurnOutcome =
  | "silent"
  | "replied"
  | "superseded"
  | "interrupted"
  | "unpaced"
  | "not_asked"
  | "failed";

export interface ReviewReason {
  factor: string;
  weight: number;
  detail?: string;
}

export interface ReviewTurn {
  id: string;
  agentId: string | null;
  agentName: string;
  heardFrom: string;
  heardFromAgent: boolean;
  heard: string;
  decision: TurnDecision;
  turnEpoch: number | null;
  tags: string[];
  outcome: TurnOutcome;
  draft: string | null;
  replyKey: string | null;
  createdAt: string;
  /** from the engine's decision record, when it has one for this turn */
  score: number | null;
  reasons: ReviewReason[] | null;
}

export type ReviewFilter = "all" | "spoke" | "silent" | "dropped";

export type TimelineItem =
  | { kind: "message"; message: ChatMessageDTO }
  | { kind: "turns"; key: string; turns: ReviewTurn[] };

export interface AgentTurnStats {
  agentId: string | null;
  agentName: string;
  turns: number;
  spoke: number;
  silent: number;
  /** heard another agent's line without being asked to decide (the bound on agent-only talk) */
  heard: number;
  dropped: number;
}

export interface RoomReview {
  room: { id: string; name: string };
  agents: { id: string; name: string; color: string }[];
  stats: AgentTurnStats[];
  timeline: TimelineItem[];
  /** whether the decisions' reasons could be read (the embedded engine keeps them) */
  reasons: "available" | "unavailable";
  filter: ReviewFilter;
  /** the seq to page back from when earlier messages exist, else null */
  earlierBefore: number | null;
  /** showing an earlier page rather than the latest messages */
  paged: boolean;
}

export interface ReviewRoomSummary {
  id: string;
  name: string;
  agentCount: number;
  turns: number;
  spoke: number;
  silent: number;
  heard: number;
  dropped: number;
  lastTurnAt: string | null;
}
