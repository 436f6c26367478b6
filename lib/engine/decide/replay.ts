// What-if replay: the decision model re-run over a transcript, one decision per listed
// turn, with the history a live thread would have held (its last HISTORY_LIMIT lines).
// Pure apart from the decider: nothing is read from or written to any store, so the
// engine's route and an in-process replay (hosted mode) give the same answers.

import type { ReplayInput, ReplayResponse } from "../../contract/turn-taking";
import { HISTORY_LIMIT } from "../history-limit";
import type { ChatLine, Decider } from "./types";

const sameName = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/** `transcript[index]` is out of range: a well-formed request that cannot be served. */
export class ReplayIndexError extends Error {
  constructor(readonly position: number) {
    super(`turns[${position}].index is past the end of the transcript`);
  }
}

export async function replayTurns(input: ReplayInput, decider: Decider): Promise<ReplayResponse> {
  const lines: ChatLine[] = input.transcript.map((l) => ({
    sender: l.sender,
    content: l.content,
    ts: Date.parse(l.ts),
    ...(l.self || sameName(l.sender, input.agent_name) ? { self: true } : {}),
  }));
  input.turns.forEach((t, i) => {
    if (t.index >= lines.length) throw new ReplayIndexError(i);
  });
  const decisions: ReplayResponse["decisions"] = [];
  for (const turn of input.turns) {
    const heard = lines[turn.index]!;
    const result = await decider.decide({
      agentName: input.agent_name,
      systemPrompt: input.system_prompt ?? null,
      history: lines.slice(Math.max(0, turn.index - HISTORY_LIMIT), turn.index),
      batch: [heard],
      now: heard.ts,
    });
    decisions.push({ id: turn.id, decision: result.decision, score: result.score, reasons: result.reasons });
  }
  return { decisions };
}
