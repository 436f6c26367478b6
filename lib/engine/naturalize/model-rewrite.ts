// The model-backed naturalizer: a language model rewrites the draft into chat
// messages in the agent's voice. The model is an optional nicety, so any
// failure, timeout or lossy rewrite silently yields the deterministic split.

import { generateText, type LanguageModel, Output } from "ai";
import { z } from "zod";
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

  const controller = new AbortController();
  const onCallerAbort = () => controller.abort(new Error("aborted"));
  signal?.addEventListener("abort", onCallerAbort, { once: true });
  let timer: ReturnType<typeof setTimeout> | undefined;
  // Racing the call, rather than trusting the provider to honour the abort
  // signal, bounds the wait even for a model that ignores cancellation.
  const stopped = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => controller.abort(new Error(`timeout: no rewrite within ${timeoutMs} ms`)),
      timeoutMs,
    );
    controller.signal.addEventListener("abort", () => reject(controller.signal.reason), { once: true });
  });

  const call = generateText({
    model,
    system: buildRewriteSystemPrompt({ agentName, systemPrompt }),
    prompt: buildRewritePrompt(draft),
    output: Output.object({ schema: rewriteSchema }),
    abortSignal: controller.signal,
    // One attempt: a retry would not fit the budget of a live reply.
    maxRetries: 0,
  });
  // Whichever promise loses the race must not surface as an unhandled rejection.
  call.catch(() => {});
  stopped.catch(() => {});

  try {
    const result = await Promise.race([call, stopped]);
    const messages = result.output.messages.map((message) => message.trim());
    const problem = checkRewrite(draft, messages);
    return problem ? fallback(problem) : { bubbles: messages, source: "model" };
  } catch (error) {
    return fallback(errorMessage(error));
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener("abort", onCallerAbort);
  }
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
