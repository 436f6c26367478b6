// Shapes and presets of the what-if replay, shared by the server action and the page.

import type { TurnOutcome } from "./review-types";

/** Decided turns replayed per page: a bound on one replay's work. */
export const WHAT_IF_PAGE_TURNS = 500;

export interface WhatIfPreset {
  id: string;
  label: string;
  /** appended to the agent's system prompt */
  rule: string;
  forwardness: number;
}

export const WHAT_IF_PRESETS: readonly WhatIfPreset[] = [
  {
    id: "only-when-asked",
    label: "Only answer when asked",
    rule: "Only speak when someone addresses you directly.",
    forwardness: 0,
  },
  { id: "speak-up", label: "Speak up freely", rule: "Speak up whenever you can help.", forwardness: 1 },
];

export interface WhatIfRow {
  turnId: string;
  createdAt: string;
  heardFrom: string;
  heard: string;
  actual: { decision: "speak" | "stay_silent"; outcome: TurnOutcome };
  replayed: {
    decision: "speak" | "stay_silent";
    score: number;
    reasons: { factor: string; weight: number; detail?: string }[];
  };
  flipped: boolean;
}

export interface WhatIfResult {
  agent: { id: string; name: string };
  /** embedded: the engine's replay route; hosted: the embedded decision model in this server */
  ranOn: "engine" | "in-process";
  rows: WhatIfRow[];
  flipped: { toSpeak: number; toSilent: number };
  /** 0-based page of the agent's decided turns, oldest first */
  page: number;
  pages: number;
  totalTurns: number;
  elapsedMs: number;
}

export type WhatIfState =
  | { status: "idle" }
  | { status: "error"; message: string; fields?: Record<string, string> }
  | { status: "done"; result: WhatIfResult };
