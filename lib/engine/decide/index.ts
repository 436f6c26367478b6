// The decision model of the embedded Turn-taking engine: for each inbound
// batch, should this agent speak or stay silent, and why.
//
//   createRuleDecider()   deterministic, synchronous, explainable (the default)
//   createModelDecider()  asks a language model, falls back to the rules

export { resolveAgentName } from "./agent-name";
export type { ModelDecider, ModelDeciderOptions } from "./model-decider";
export { createModelDecider } from "./model-decider";
export { clearPromptCache } from "./prompt-cache";
export type { RuleDecider, RuleDeciderOptions } from "./rule-decider";
export { createRuleDecider, decideByRules } from "./rule-decider";
export type {
  ChatLine,
  Decider,
  DecisionInput,
  DecisionReason,
  DecisionResult,
  DecisionSignals,
} from "./types";
export type { DecisionModel } from "./weights";
export { MODEL } from "./weights";
