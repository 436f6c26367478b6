// The model-backed naturalizer: a language model rewrites the draft into chat
// messages in the agent's voice. The model is an optional nicety, so any
// failure, timeout or lossy rewrite silently yields the deterministic split.

import { generateText, type LanguageModel, Output } from "ai";
import { z } from "zod";
import { withDeadline } from "../../async/with-deadline";
import { checkRewrite } from "./content-check";
import { DEFAULT_REWRITE_TIMEOUT_MS, MAX_BUBBLES } from "./limits";
import { buildRewritePrompt, buildRewriteSystemPrompt } from "./prompts";
import { naturalize } from "./split-draft";

export interface NaturalizeWithModelOptions {
  model: LanguageModel;
  draft: string;
  systemPrompt?: string;
  agentName?: string;
  /** Budget for the model call; defaults to DEFAULT_REWRITE_TIMEOUT_MS. */
  timeoutMs?: number;
  /** Cancels the model call (the deterministic split is still returned). */
  signal?: AbortSignal;
}

export interface NaturalizeResult {
  bubbles: string[];
  source: "model" | "deterministic";
  /** Why the model rewrite was not used, when it was not. */
  error?: string;
}

const rewriteSchema = z.object({
  messages: z.array(z.string()).min(1).max(MAX_BUBBLES),
});

export async function naturalizeWithModel(options: NaturalizeWithModelOptions): Promise<NaturalizeResult> {
  const { model, draft, systemPrompt, agentName, timeoutMs = DEFAULT_REWRITE_TIMEOUT_MS, signal } = options;
  const fallback = (error: string): NaturalizeResult => ({
    bubbles: naturalize(draft),
    source: "deterministic",
    error,
  });
  // Nothing to rewrite; not worth a billable model call.
  if (draft.trim() === "") return { bubbles: [], source: "deterministic" };
  if (signal?.aborted) return fallback("aborted");

  try {
    const result = await withDeadline(
      timeoutMs,
      `timeout: no rewrite within ${timeoutMs} ms`,
      (abortSignal) =>
        generateText({
          model,
          system: buildRewriteSystemPrompt({ agentName, systemPrompt }),
          prompt: buildRewritePrompt(draft),
          output: Output.object({ schema: rewriteSchema }),
          abortSignal,
          // One attempt: a retry would not fit the budget of a live reply.
          maxRetries: 0,
        }),
      signal,
    );
    const messages = result.output.messages.map((message) => message.trim());
    const problem = checkRewrite(draft, messages);
    return problem ? fallback(problem) : { bubbles: messages, source: "model" };
  } catch (error) {
    return fallback(errorMessage(error));
  }
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
