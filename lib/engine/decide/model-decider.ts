// An optional model-based decider: a language model reads the thread and the
// agent's prompt and chooses speak / stay_silent with its reasons. It is a
// nicety on top of the rules, never a dependency: a timeout, a provider error
// or an unusable answer falls back to the deterministic decider, and the
// fallback is visible in the reasons (`model_fallback`).

import { generateText, type LanguageModel, Output } from "ai";
import { z } from "zod";
import { withDeadline } from "../../async/with-deadline";
import { createRuleDecider } from "./rule-decider";
import type { ChatLine, Decider, DecisionInput, DecisionReason, DecisionResult } from "./types";

export const DEFAULT_MODEL_DECIDER_TIMEOUT_MS = 1500;
/** History lines sent to the model; older lines rarely change the decision and cost tokens. */
const DEFAULT_MAX_HISTORY = 30;
/** The agent's prompt can be 100,000 chars; the decision only needs its gist. */
const MAX_PROMPT_CHARS = 8000;

export interface ModelDeciderOptions {
  model: LanguageModel;
  /** Budget for the model call; defaults to 1500 ms. */
  timeoutMs?: number;
  /** Used when the model is slow or fails; defaults to the rule decider. */
  fallback?: Decider;
  maxHistory?: number;
}

export const modelDecisionSchema = z.object({
  decision: z.enum(["speak", "stay_silent"]),
  /** how sure the model is of its decision, 0..1 */
  confidence: z.number().min(0).max(1).optional(),
  reasons: z
    .array(
      z.object({
        factor: z.string().min(1).max(64),
        detail: z.string().max(300).optional(),
      }),
    )
    .max(8),
});

export type ModelDecision = z.infer<typeof modelDecisionSchema>;

const SYSTEM = [
  "You decide whether an AI agent in a group chat should reply to the newest messages right now.",
  "Answer `speak` only when a reply from this agent is clearly wanted: it is addressed (by name, @name or 'name:'),",
  "or a question, request or problem falls within its role and nobody has answered it yet, or it asked something and got the answer.",
  "Answer `stay_silent` for messages addressed to someone else, side conversations, acknowledgements (thanks, ok, lol, 👍),",
  "questions another participant already answered, people still typing or mid-burst, and anything outside the agent's role.",
  "Follow the agent's own rules in its prompt (e.g. 'only when addressed'). Do not dominate the conversation.",
  "Give short reasons as snake_case factors (e.g. addressed_by_name, open_question, off_topic, already_answered).",
].join("\n");

function formatLine(line: ChatLine, tag: string): string {
  const who = line.self ? `${line.sender} (this agent)` : line.sender;
  return `${tag}[${new Date(line.ts).toISOString()}] ${who}: ${line.content}`;
}

export function buildDecisionPrompt(input: DecisionInput, maxHistory = DEFAULT_MAX_HISTORY): string {
  const parts: string[] = [];
  parts.push(`Agent name: ${input.agentName ?? "(unknown)"}`);
  const prompt = input.systemPrompt ?? "";
  parts.push(
    `Agent system prompt:\n"""\n${prompt.length > MAX_PROMPT_CHARS ? `${prompt.slice(0, MAX_PROMPT_CHARS)}…` : prompt}\n"""`,
  );
  const history = input.history.slice(-maxHistory);
  parts.push(
    `Earlier messages (${history.length} of ${input.history.length}):\n${history.map((l) => formatLine(l, "")).join("\n") || "(none)"}`,
  );
  parts.push(`NEW messages to decide on:\n${input.batch.map((l) => formatLine(l, "NEW ")).join("\n")}`);
  const typing = input.signals?.typingNow ?? [];
  if (typing.length > 0) parts.push(`Typing right now: ${typing.join(", ")}`);
  if (input.signals?.burstSender) parts.push(`Sending a burst of messages: ${input.signals.burstSender}`);
  return parts.join("\n\n");
}

function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message || error.name;
  return String(error);
}

/** A Decider whose decisions are asynchronous (a model call). */
export interface ModelDecider extends Decider {
  decide(input: DecisionInput): Promise<DecisionResult>;
}

export function createModelDecider(options: ModelDeciderOptions): ModelDecider {
  const { model, timeoutMs = DEFAULT_MODEL_DECIDER_TIMEOUT_MS, maxHistory = DEFAULT_MAX_HISTORY } = options;
  const fallback = options.fallback ?? createRuleDecider();

  const fallBack = async (input: DecisionInput, why: string): Promise<DecisionResult> => {
    const result = await fallback.decide(input);
    const reason: DecisionReason = { factor: "model_fallback", weight: 0, detail: why };
    return { ...result, reasons: [...result.reasons, reason] };
  };

  return {
    async decide(input) {
      try {
        const result = await withDeadline(
          timeoutMs,
          `timeout: no decision within ${timeoutMs} ms`,
          (abortSignal) =>
            generateText({
              model,
              system: SYSTEM,
              prompt: buildDecisionPrompt(input, maxHistory),
              output: Output.object({ schema: modelDecisionSchema, name: "turn_decision" }),
              abortSignal,
              // One attempt: a retry would not fit the budget of a live decision.
              maxRetries: 0,
            }),
        );
        const out = result.output;
        const confidence = out.confidence ?? 1;
        const speak = out.decision === "speak";
        // score is P(speak): confident speak -> 1, confident silence -> 0, never crossing 0.5 the wrong way.
        const score = speak ? 0.5 + confidence / 2 : Math.min(0.499, 0.5 - confidence / 2);
        const sign = speak ? 1 : -1;
        const reasons: DecisionReason[] = out.reasons.map((r) =>
          r.detail
            ? { factor: r.factor, weight: sign, detail: r.detail }
            : { factor: r.factor, weight: sign },
        );
        return { decision: out.decision, score: Math.round(score * 1e4) / 1e4, reasons };
      } catch (error) {
        return fallBack(input, errorMessage(error));
      }
    },
  };
}
