// Public API of the naturalizer: turns an agent's drafted reply into the 1–5
// chat bubbles of the `respond` action. Framework-free on purpose.

export { checkRewrite, type DraftFacts, extractFacts, findMissingFacts } from "./content-check";
export { DEFAULT_REWRITE_TIMEOUT_MS, MAX_BUBBLE_CHARS, MAX_BUBBLES } from "./limits";
export { type NaturalizeResult, type NaturalizeWithModelOptions, naturalizeWithModel } from "./model-rewrite";
export { buildRewritePrompt, buildRewriteSystemPrompt, type RewritePromptInput } from "./prompts";
export { naturalize, toChatText } from "./split-draft";
