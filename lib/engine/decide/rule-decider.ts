// The deterministic decision model: every factor adds a named weight, the sum
// goes through a logistic, and the agent speaks when the score is >= 0.5.
// Pure and synchronous (no network, no clock, no randomness), so a decision
// can be replayed exactly from its input and explained from its reasons.

import { resolveAgentName } from "./agent-name";
import { buildNameBook } from "./addressing";
import { addressingFactors } from "./factors/addressing-factors";
import { contentFactors } from "./factors/content-factors";
import type { FactorContext, Weights } from "./factors/context";
import { conversationFactors } from "./factors/conversation-factors";
import { promptRuleFactors } from "./factors/prompt-rule-factors";
import { recencyFactors } from "./factors/recency-factors";
import { timingFactors } from "./factors/timing-factors";
import { gatherFacts } from "./facts";
import { promptProfile } from "./prompt-cache";
import type { ChatLine, Decider, DecisionInput, DecisionReason, DecisionResult } from "./types";
import { analyzeLine } from "./window";
import { WEIGHTS, WINDOW } from "./weights";

export interface RuleDeciderOptions {
  /** Override individual weights (tuning, experiments). */
  weights?: Partial<Weights>;
}

const sameName = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

export function decideByRules(input: DecisionInput, weights: Weights = WEIGHTS): DecisionResult {
  const agentName = resolveAgentName(input.agentName, null, input.systemPrompt);
  const isSelf = (line: ChatLine) => line.self ?? (agentName !== null && sameName(line.sender, agentName));

  // Older history only feeds the participant list; the analysis runs on a short window.
  const senders = new Set<string>();
  for (const line of input.history) senders.add(line.sender);
  for (const line of input.batch) senders.add(line.sender);
  const book = buildNameBook(agentName, senders);
  const tail = input.history.slice(-WINDOW);
  const window = [
    ...tail.map((line) => analyzeLine(book, line, isSelf(line), false)),
    ...input.batch.map((line) => analyzeLine(book, line, isSelf(line), true)),
  ];

  let focusIndex = -1;
  for (let i = window.length - 1; i >= tail.length; i--) {
    if (!window[i]?.self) {
      focusIndex = i;
      break;
    }
  }
  const reasons: DecisionReason[] = [{ factor: "base", weight: weights.base }];
  const focus = window[focusIndex];
  if (!focus) {
    reasons.push({ factor: "own_message", weight: weights.ownMessage, detail: "the batch holds only this agent's lines" });
    return finish(reasons);
  }

  const profile = promptProfile(input.systemPrompt, agentName);
  const ctx: FactorContext = {
    input,
    agentName,
    book,
    window,
    focusIndex,
    focus,
    profile,
    facts: gatherFacts(input, agentName, book, window, focusIndex, profile),
    weights,
    add: (factor, weight, detail) => {
      if (weight !== 0) reasons.push(detail ? { factor, weight, detail } : { factor, weight });
    },
    has: (factor) => reasons.some((r) => r.factor === factor),
  };
  addressingFactors(ctx);
  conversationFactors(ctx);
  contentFactors(ctx);
  promptRuleFactors(ctx);
  recencyFactors(ctx);
  timingFactors(ctx);
  return finish(reasons);
}

function finish(reasons: DecisionReason[]): DecisionResult {
  let sum = 0;
  for (const r of reasons) sum += r.weight;
  const score = 1 / (1 + Math.exp(-sum));
  const rounded = reasons
    .map((r) => ({ ...r, weight: Math.round(r.weight * 100) / 100 }))
    .sort((a, b) => (a.factor === "base" ? -1 : b.factor === "base" ? 1 : Math.abs(b.weight) - Math.abs(a.weight)));
  return { decision: sum >= 0 ? "speak" : "stay_silent", score: Math.round(score * 1e4) / 1e4, reasons: rounded };
}

export function createRuleDecider(options: RuleDeciderOptions = {}): Decider & {
  decide(input: DecisionInput): DecisionResult;
} {
  const weights: Weights = { ...WEIGHTS, ...options.weights };
  return { decide: (input) => decideByRules(input, weights) };
}
