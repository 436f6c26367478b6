import type { LanguageModelV3 } from "@ai-sdk/provider";
import { generateText, type ModelMessage } from "ai";
import { DEFAULT_MODEL_ID } from "./models";
import { offlineModel } from "./offline-model";
import { agentSystemPrompt, EMPTY_ROOM_NUDGE, type TranscriptLine, transcriptMessages } from "./prompts";
import { resolveModel } from "./providers";

export interface DraftReplyInput {
  /** Registry id; omitted means the best configured model (see resolveModel). */
  modelId?: string | null;
  name: string;
  persona?: string | null;
  systemPrompt?: string | null;
  roomName?: string | null;
  otherParticipants?: readonly string[];
  transcript: readonly TranscriptLine[];
  env?: Record<string, string | undefined>;
  timeoutMs?: number;
  signal?: AbortSignal;
}

export interface DraftReplyResult {
  text: string;
  /** The model that actually wrote `text`. */
  modelId: string;
  /** True when the chosen model was unavailable, failed or timed out and the offline model answered. */
  fellBack: boolean;
}

/**
 * Drafts one chat reply for an agent. A network model that throws, times out
 * or returns nothing is replaced by the offline model, so a turn is never lost
 * to a provider outage; only the caller's own abort stops the draft.
 */
export async function draftReply({
  modelId,
  name,
  persona,
  systemPrompt,
  roomName,
  otherParticipants = [],
  transcript,
  env = process.env,
  timeoutMs = 20_000,
  signal,
}: DraftReplyInput): Promise<DraftReplyResult> {
  signal?.throwIfAborted();
  const system = agentSystemPrompt({ name, persona, systemPrompt, roomName, otherParticipants });
  const messages = transcriptMessages(transcript);
  if (!messages.some((message) => message.role === "user"))
    messages.push({ role: "user", content: EMPTY_ROOM_NUDGE });

  const resolved = resolveModel(modelId, env);
  if (resolved.model !== offlineModel) {
    try {
      const text = cleanReply(await generate(resolved.model, system, messages, timeoutMs, signal), name);
      if (text) return { text, modelId: resolved.id, fellBack: false };
    } catch (error) {
      if (signal?.aborted) throw error;
    }
  }
  const text = cleanReply(await generate(offlineModel, system, messages, timeoutMs, signal), name);
  return { text, modelId: DEFAULT_MODEL_ID, fellBack: resolved.fellBack || resolved.model !== offlineModel };
}

async function generate(
  model: LanguageModelV3,
  system: string,
  messages: ModelMessage[],
  timeoutMs: number,
  signal: AbortSignal | undefined,
): Promise<string> {
  signal?.throwIfAborted();
  const timeout = new AbortController();
  const timer = setTimeout(
    () =>
      timeout.abort(new Error(`Model ${model.provider}/${model.modelId} timed out after ${timeoutMs} ms`)),
    timeoutMs,
  );
  const abortSignal = signal ? AbortSignal.any([signal, timeout.signal]) : timeout.signal;
  // Race as well as abort: a provider that ignores the signal must not hold the turn hostage.
  let onAbort = () => {};
  const aborted = new Promise<never>((_, reject) => {
    onAbort = () => reject(abortSignal.reason);
    abortSignal.addEventListener("abort", onAbort, { once: true });
  });
  try {
    const result = await Promise.race([
      generateText({ model, system, messages, abortSignal, maxRetries: 1, maxOutputTokens: 400 }),
      aborted,
    ]);
    return result.text;
  } finally {
    clearTimeout(timer);
    abortSignal.removeEventListener("abort", onAbort);
  }
}

/** Trims the reply and drops a leading "NAME:" (or "**NAME**:") some models add despite the prompt. */
export function cleanReply(raw: string, name: string): string {
  const escaped = name.trim().replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const prefix = new RegExp(`^\\s*(?:\\*\\*|__)?${escaped}(?:\\*\\*|__)?\\s*:\\s*`, "i");
  let text = raw.trim();
  while (prefix.test(text)) text = text.replace(prefix, "").trim();
  return text;
}
