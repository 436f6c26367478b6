// Shapes of reviewers' annotations, shared by the routes, the pages and the editor.

import type { TurnDecision, TurnOutcome } from "./review-types";

/** right: the decision was right; otherwise what the agent should have done instead. */
export const VERDICTS = ["right", "should_speak", "should_stay_silent"] as const;
export type Verdict = (typeof VERDICTS)[number];

export const VERDICT_LABELS: Record<Verdict, string> = {
  right: "Right decision",
  should_speak: "Should have spoken",
  should_stay_silent: "Should have stayed silent",
};

/** Only the model's own decisions can be judged (not_asked and unavailable were never decided). */
export const ANNOTATABLE_DECISIONS = ["speak", "stay_silent"] as const;
export type AnnotatableDecision = (typeof ANNOTATABLE_DECISIONS)[number];

export const isAnnotatable = (decision: string): decision is AnnotatableDecision =>
  (ANNOTATABLE_DECISIONS as readonly string[]).includes(decision);

export const NOTE_MAX = 2000;

export interface AnnotationDTO {
  id: string;
  turnId: string;
  roomId: string;
  userId: string;
  reviewer: string;
  verdict: Verdict;
  note: string;
  createdAt: string;
  updatedAt: string;
  turn: {
    agentId: string | null;
    agentName: string;
    decision: TurnDecision;
    outcome: TurnOutcome;
    heardFrom: string;
    heard: string;
    createdAt: string;
  };
}

export interface AnnotationPage {
  annotations: AnnotationDTO[];
  /** pass as `cursor` for the next (older) page; null at the end */
  nextCursor: string | null;
}
