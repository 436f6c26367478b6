// The deterministic decision model: every factor adds a named weight, the sum
// goes through a logistic, and the agent speaks when the score is >= 0.5.
// Pure and synchronous (no network, no clock, no randomness), so a decision
// can be replayed exactly from its input and explained from its reasons.

import { resolveAgentName } from "./agent-name";
import { addressingFactors } from "./factors/addressing-factors";
import { contentFactors } from "./factors/content-factors";
import type { FactorContext, Weights } from "./factors/context";
import { conversationFactors } from "./factors/conversation-factors";
import { promptRuleFactors } from "./factors/prompt-rule-factors";
import { recencyFactors } from "./factors/recency-factors";
import { timingFactors } from "./factors/timing-factors";
import { gatherFacts } from "./facts";
import { nameBookFor } from "./name-books";
import { promptProfile } from "./prompt-cache";
import type { ChatLine, Decider, DecisionInput, DecisionReason, DecisionResult } from "./types";
import { WEIGHTS, WINDOW } from "./weights";
import { analyzeLine } from "./window";

export interface RuleDeciderOptions {
  /** Override individual weights (tuning, experiments). */
  weights?: Partial<Weights>;
}

const sameName = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/** Senders in order of first appearance; a run of one sender's lines costs one comparison per line. */
function addSenders(lines: ChatLine[], into: Set<string>): void {
  let previous: string | undefined;
  for (const line of lines) {
    if (line.sender === previous) continue;
    previous = line.sender;
    into.add(previous);
  }
}

function isSelf(line: ChatLine, agentName: string | null): boolean {
  return line.self ?? (agentName !== null && sameName(line.sender, agentName));
}

export function decideByRules(input: DecisionInput, weights: Weights = WEIGHTS): DecisionResult {
  return finish(weigh(input, weights, true));
}

/** The named weights of one decision; `followOpen` re-scores a still-open earlier question (one level deep). */
function weigh(input: DecisionInput, weights: Weights, followOpen: boolean): DecisionReason[] {
  const agentName = resolveAgentName(input.agentName, null, input.systemPrompt);

  // Older history only feeds the participant list; the analysis runs on a short window.
  const senders = new Set<string>();
  addSenders(input.history, senders);
  addSenders(input.batch, senders);
  const book = nameBookFor(agentName, senders);
  const tail = input.history.slice(-WINDOW);
  const window = [
    ...tail.map((line) => analyzeLine(book, line, isSelf(line, agentName), false)),
    ...input.batch.map((line) => analyzeLine(book, line, isSelf(line, agentName), true)),
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
    reasons.push({
      factor: "own_message",
      weight: weights.ownMessage,
      detail: "the batch holds only this agent's lines",
    });
    return reasons;
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
    facts: gatherFacts(input, agentName, window, focusIndex, profile),
    weights,
    // A method, not an arrow: under tsx every named arrow made per call also pays for a defineProperty.
    add(factor, weight, detail) {
      if (weight !== 0) reasons.push(detail ? { factor, weight, detail } : { factor, weight });
    },
  };
  addressingFactors(ctx);
  conversationFactors(ctx);
  contentFactors(ctx);
  promptRuleFactors(ctx);
  recencyFactors(ctx);
  timingFactors(ctx);
  if (followOpen && ctx.facts.question.state === "pending")
    pendingQuestion(input, weights, ctx.facts.question.question.line, reasons);
  return reasons;
}

const TIMING_FACTORS = new Set(["typing_now", "others_typing", "burst_in_progress", "incomplete_message"]);

const total = (reasons: DecisionReason[]) => reasons.reduce((sum, r) => sum + r.weight, 0);

/**
 * An earlier question is still open under the newest line. A reply drafted for
 * it was superseded by that line, so weigh the question as if it had just
 * arrived; if answering it beats reacting to the newest line (less a small
 * interruption cost), the difference becomes the `pending_question` factor.
 */
function pendingQuestion(
  input: DecisionInput,
  weights: Weights,
  question: ChatLine,
  reasons: DecisionReason[],
): void {
  const all = [...input.history, ...input.batch];
  const at = all.indexOf(question);
  if (at < 0) return;
  const asked: DecisionInput = {
    agentName: input.agentName,
    systemPrompt: input.systemPrompt,
    history: all.slice(0, at),
    batch: [question],
    now: question.ts,
  };
  // Still let the newest sender finish: their typing and trailing-off count either way.
  const timing = reasons.filter((r) => TIMING_FACTORS.has(r.factor));
  const then = total(weigh(asked, weights, false)) + weights.pendingInterruption + total(timing);
  const now = total(reasons);
  if (then > now)
    reasons.push({
      factor: "pending_question",
      weight: then - now,
      detail: `${question.sender}'s message is still unanswered (weighed on its own: ${then.toFixed(2)})`,
    });
}

function finish(reasons: DecisionReason[]): DecisionResult {
  const sum = total(reasons);
  const score = 1 / (1 + Math.exp(-sum));
  const rounded = reasons
    .map((r) => ({ ...r, weight: Math.round(r.weight * 100) / 100 }))
    .sort((a, b) =>
      a.factor === "base" ? -1 : b.factor === "base" ? 1 : Math.abs(b.weight) - Math.abs(a.weight),
    );
  return {
    decision: sum >= 0 ? "speak" : "stay_silent",
    score: Math.round(score * 1e4) / 1e4,
    reasons: rounded,
  };
}

/** A Decider whose decisions are synchronous. */
export interface RuleDecider extends Decider {
  decide(input: DecisionInput): DecisionResult;
}

export function createRuleDecider(options: RuleDeciderOptions = {}): RuleDecider {
  const weights: Weights = { ...WEIGHTS, ...options.weights };
  return { decide: (input) => decideByRules(input, weights) };
}
