// TEMPORARY (lead): replaced by the decision-model helper's index.
import type { Decider, DecisionInput, DecisionResult } from "./types";

export function resolveAgentName(
  explicit: string | null | undefined,
  lastRespondName: string | null | undefined,
  systemPrompt: string | null | undefined,
): string | null {
  if (explicit) return explicit;
  if (lastRespondName) return lastRespondName;
  const m = systemPrompt?.match(/\b(?:You are|You're|Your name is)\s+([A-Z][\w-]*)/);
  return m?.[1] ?? null;
}

export function createRuleDecider(): Decider {
  return {
    decide(input: DecisionInput): DecisionResult {
      const last = input.batch.at(-1)?.content ?? "";
      const named = input.agentName ? new RegExp(`\\b${input.agentName}\\b`, "i").test(last) : false;
      const question = /\?\s*$/.test(last);
      const speak = named || question;
      return {
        decision: speak ? "speak" : "stay_silent",
        score: speak ? 0.8 : 0.2,
        reasons: [{ factor: named ? "addressed_by_name" : question ? "open_question" : "chatter", weight: 1 }],
      };
    },
  };
}
