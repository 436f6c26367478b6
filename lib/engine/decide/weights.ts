// The decision model's weights. Most are learned from labelled conversations
// (decision-model.json, produced by `npm run train:decisions`, see README):
// the decision is sigmoid(bias + Σ value × weight), and the agent speaks when
// that clears the threshold chosen on held-out folds of the training data.
// Signals the training data cannot show (typing indicators, bursts reported
// by the client) keep hand-set weights.

import { z } from "zod";
import learned from "./decision-model.json";

export const decisionModelSchema = z.object({
  version: z.number().int().positive(),
  model: z.literal("logistic-regression"),
  /** intercept of the logistic regression */
  bias: z.number(),
  /** probability at which the agent speaks (chosen on held-out folds) */
  threshold: z.number().gt(0).lt(1),
  /** feature name -> learned weight */
  weights: z.record(z.string(), z.number()),
  /** how the file was produced (command, data, fit statistics); not read by the engine */
  training: z.record(z.string(), z.unknown()).optional(),
});

export type DecisionModel = z.infer<typeof decisionModelSchema>;

export const MODEL: DecisionModel = decisionModelSchema.parse(learned);

/** Hand-set: the training logs carry no typing indicators or client-reported bursts. */
export const FIXED_WEIGHTS: Readonly<Record<string, number>> = {
  typing_now: -2.5,
  others_typing: -0.8,
  own_message: -10,
};

/** Lines considered "recent" for dominance, follow-ups and side conversations. */
export const WINDOW = 10;
/** History lines read for who has been talking with whom (and within TALK_REACH_MS). */
export const REACH = 50;
/** Max gap between two lines of one burst. */
export const BURST_GAP_MS = 8_000;
/** How far past the threshold a stated prompt rule puts the score when it overrides the weights. */
export const RULE_MARGIN = 1;
