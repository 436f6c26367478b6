// The deterministic decision model: named features of the conversation (see
// analyze.ts), each multiplied by its learned weight, summed with the bias and
// put through a logistic; the agent speaks when the score clears the learned
// threshold. A rule the system prompt states overrides the sum, and the
// reasons say so. Pure and synchronous (no network, no clock, no randomness),
// so a decision can be replayed exactly from its input and explained from its
// reasons: the largest contributions (value × weight) come first.

import { type Analysis, analyzeDecision, FIELD_PREFIX } from "./analyze";
import type { Decider, DecisionInput, DecisionReason, DecisionResult } from "./types";
import { type DecisionModel, FIXED_WEIGHTS, MODEL, RULE_MARGIN } from "./weights";

export interface RuleDeciderOptions {
  /** Another set of learned weights (experiments, tests). */
  model?: DecisionModel;
}

/** Features during which a stated "speak up" rule still lets the sender finish. */
const LET_THEM_FINISH = new Set(["typing_now", "burst_in_progress", "incomplete_message"]);

const logit = (p: number) => Math.log(p / (1 - p));
const round2 = (n: number) => Math.round(n * 100) / 100;

/** The weight of a feature: hand-set, or learned (plus its part for agents with a job). */
export function weightOf(model: DecisionModel, factor: string, field: boolean): number {
  const fixed = FIXED_WEIGHTS[factor];
  if (fixed !== undefined) return fixed;
  const shared = model.weights[factor] ?? 0;
  return field ? shared + (model.weights[FIELD_PREFIX + factor] ?? 0) : shared;
}

export function decideByRules(input: DecisionInput, model: DecisionModel = MODEL): DecisionResult {
  return combine(analyzeDecision(input), model);
}

export function combine(analysis: Analysis, model: DecisionModel): DecisionResult {
  // The threshold folds into the base, so "speak" is always a positive sum.
  const base = weightOf(model, "base", analysis.field) + model.bias - logit(model.threshold);
  let sum = base;
  const reasons: DecisionReason[] = [];
  let finishing = false;
  for (const f of analysis.features) {
    const weight = f.value * weightOf(model, f.factor, analysis.field);
    if (LET_THEM_FINISH.has(f.factor)) finishing = true;
    if (weight === 0) continue;
    sum += weight;
    reasons.push(f.detail ? { factor: f.factor, weight, detail: f.detail } : { factor: f.factor, weight });
  }
  const verdict = analysis.verdict;
  if (verdict && !(verdict.decision === "speak" && finishing)) {
    const learned = sum >= 0 ? "speak" : "stay_silent";
    if (learned === verdict.decision)
      reasons.push({
        factor: verdict.factor,
        weight: 0,
        detail: `${verdict.detail} (the learned weights agree)`,
      });
    else {
      const weight = verdict.decision === "speak" ? RULE_MARGIN - sum : -RULE_MARGIN - sum;
      reasons.push({
        factor: verdict.factor,
        weight,
        detail: `${verdict.detail}: the rule overrides the learned weights (${learned}, ${sum.toFixed(2)})`,
      });
      sum += weight;
    }
  }
  reasons.sort((a, b) => Math.abs(b.weight) - Math.abs(a.weight));
  return {
    decision: sum >= 0 ? "speak" : "stay_silent",
    score: Math.round((1 / (1 + Math.exp(-sum))) * 1e4) / 1e4,
    reasons: [
      { factor: "base", weight: round2(base) },
      ...reasons.map((r) => ({ ...r, weight: round2(r.weight) })),
    ],
  };
}

/** A Decider whose decisions are synchronous. */
export interface RuleDecider extends Decider {
  decide(input: DecisionInput): DecisionResult;
}

export function createRuleDecider(options: RuleDeciderOptions = {}): RuleDecider {
  const model = options.model ?? MODEL;
  return { decide: (input) => decideByRules(input, model) };
}
