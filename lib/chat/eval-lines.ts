// An annotated decision as one line of the `eval:decisions` input format
// (lib/engine/decide/eval/scenarios/load.ts):
//   {"id","agent":{"name","system_prompt"},"history":[{"sender","content","ts"}],"label"}
// the last history item being the message the agent decided on. Pure, so the format
// is pinned by unit tests and the export route only reads rows and writes lines.

import { decisionPrompt } from "./agent-prompt";
import type { AnnotatableDecision, Verdict } from "./annotation-types";

/**
 * Lines of conversation before the heard message: the engine's thread history window
 * (HISTORY_LIMIT in lib/engine/history.ts), so an exported line gives the decision model
 * what the live decision had.
 */
export const EVAL_HISTORY_LINES = 200;

export type EvalLabel = "speak" | "stay_silent";

/** The corrected label: what the reviewer says the agent should have done. */
export function evalLabel(verdict: Verdict, decision: AnnotatableDecision): EvalLabel {
  if (verdict === "should_speak") return "speak";
  if (verdict === "should_stay_silent") return "stay_silent";
  return decision;
}

export interface TranscriptLine {
  senderName: string;
  content: string;
  createdAt: Date;
}

/**
 * The conversation as the agent had it when it decided: `lines` (oldest first, none after
 * the turn) cut after the last line from whoever the agent heard, then its last
 * EVAL_HISTORY_LINES + 1 lines. Null when nothing is left to decide on.
 */
export function historyForTurn<T extends TranscriptLine>(
  lines: readonly T[],
  heardFrom: string,
  historyLines = EVAL_HISTORY_LINES,
): T[] | null {
  const end = heardIndex(lines, lines.length, heardFrom);
  if (end < 0) return null;
  return lines.slice(Math.max(0, end - historyLines), end + 1);
}

/**
 * Of `lines[0..until)`, the index of the line the agent heard: the last from `heardFrom`,
 * or (that line deleted since) the last line; -1 when there is none.
 */
export function heardIndex(lines: readonly TranscriptLine[], until: number, heardFrom: string): number {
  for (let i = until - 1; i >= 0; i--) if (lines[i]!.senderName === heardFrom) return i;
  return until - 1;
}

export interface EvalLineInput {
  annotationId: string;
  verdict: Verdict;
  note: string;
  turn: {
    agentName: string;
    decision: AnnotatableDecision;
    heardFrom: string;
    /** the agent's settings when it decided, else its current ones */
    systemPrompt: string;
    forwardness: number;
  };
  lines: readonly TranscriptLine[];
}

export interface EvalLine {
  id: string;
  slice: string;
  agent: { name: string; system_prompt: string };
  history: { sender: string; content: string; ts: string }[];
  label: EvalLabel;
  note?: string;
}

/** One JSONL line (with its newline), or null when the turn has no conversation left to decide on. */
export function evalLine(input: EvalLineInput): string | null {
  const history = historyForTurn(input.lines, input.turn.heardFrom);
  if (!history) return null;
  const line: EvalLine = {
    id: `roundtable-${input.annotationId}`,
    // Per agent, so `eval:decisions` prints a table for each.
    slice: input.turn.agentName,
    agent: {
      name: input.turn.agentName,
      // The prompt the live decision was given: forwardness becomes a rule in it.
      system_prompt: decisionPrompt(input.turn.systemPrompt, input.turn.forwardness),
    },
    history: history.map((l) => ({
      sender: l.senderName,
      content: l.content,
      ts: l.createdAt.toISOString(),
    })),
    label: evalLabel(input.verdict, input.turn.decision),
  };
  if (input.note) line.note = input.note;
  return `${JSON.stringify(line)}\n`;
}
