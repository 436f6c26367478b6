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
  /** from the engine's decision record (stored on the turn once read), when it has one */
  score: number | null;
  reasons: ReviewReason[] | null;
  /** Turn-taking credits the turn spent */
  credits: number;
  /** the reply's bubbles, in order (empty for a turn that scheduled none) */
  bubbles: ReviewBubble[];
}

/** One bubble of a reply: when it was scheduled to appear and when it did. */
export interface ReviewBubble {
  position: number;
  content: string;
  status: "scheduled" | "shown" | "dropped";
  deliverAt: string;
  shownAt: string | null;
}

/** One outcome the review can show; "all" shows every turn. */
export type ReviewFilter = "all" | "spoke" | "silent" | "dropped" | "interrupted" | "heard" | "failed";

/** Which turns the timeline shows: of these agents (none: all) with these outcomes (none: all). */
export interface TurnFilter {
  agents: string[];
  outcomes: Exclude<ReviewFilter, "all">[];
}

/** A typing or signal event of the room (RoomActivity). */
export interface ReviewActivity {
  id: string;
  kind: "typing_start" | "typing_stop" | "signal";
  actor: string;
  detail: string | null;
  createdAt: string;
}

export type TimelineItem =
  | { kind: "message"; message: ChatMessageDTO }
  | { kind: "turns"; key: string; turns: ReviewTurn[] }
  | { kind: "activity"; activity: ReviewActivity };

export interface AgentTurnStats {
  agentId: string | null;
  agentName: string;
  turns: number;
  spoke: number;
  silent: number;
  /** heard another agent's line without being asked to decide (the bound on agent-only talk) */
  heard: number;
  dropped: number;
  /** Turn-taking credits the agent's turns spent */
  credits: number;
}

export interface RoomReview {
  room: { id: string; name: string };
  agents: { id: string; name: string; color: string }[];
  stats: AgentTurnStats[];
  timeline: TimelineItem[];
  /** whether the decisions' reasons could be read (stored, or from the embedded engine) */
  reasons: "available" | "unavailable";
  filter: TurnFilter;
  /** the seq to page back from when earlier messages exist, else null */
  earlierBefore: number | null;
  /** the seq that bounds the next later page, "latest" when the next page is the latest, null on the latest page */
  laterBefore: number | "latest" | null;
  /** showing an earlier page rather than the latest messages */
  paged: boolean;
  /** the turn a deep link points at, when it is on this page */
  focusTurnId: string | null;
  /** the message a deep link (message or time) points at */
  focusSeq: number | null;
  /** a deep link (turn, reply, message or time) that could not be found in this room */
  anchorMissing: boolean;
  /** whether typing events are in the timeline */
  activityShown: boolean;
}
