import type {
  LanguageModelV3,
  LanguageModelV3CallOptions,
  LanguageModelV3FinishReason,
  LanguageModelV3GenerateResult,
  LanguageModelV3StreamPart,
  LanguageModelV3StreamResult,
  LanguageModelV3Usage,
  SharedV3Warning,
} from "@ai-sdk/provider";
import { composeReply } from "./compose";
import { readConversation } from "./conversation";
import { countWords } from "./text";

export const OFFLINE_PROVIDER = "roundtable";
export const OFFLINE_MODEL_ID = "roundtable-offline-persona";

interface Draft {
  text: string;
  finishReason: LanguageModelV3FinishReason;
  usage: LanguageModelV3Usage;
  warnings: SharedV3Warning[];
}

/**
 * Our own AI SDK model: drafts short, in-character chat replies from the
 * system prompt (the persona) and the transcript, with no network and no
 * randomness. Same prompt in, same reply out.
 */
export class OfflinePersonaModel implements LanguageModelV3 {
  readonly specificationVersion = "v3";
  readonly provider = OFFLINE_PROVIDER;
  readonly modelId = OFFLINE_MODEL_ID;
  readonly supportedUrls: Record<string, RegExp[]> = {};

  async doGenerate(options: LanguageModelV3CallOptions): Promise<LanguageModelV3GenerateResult> {
    const { text, finishReason, usage, warnings } = draft(options);
    return {
      content: [{ type: "text", text }],
      finishReason,
      usage,
      warnings,
      response: { modelId: OFFLINE_MODEL_ID },
    };
  }

  async doStream(options: LanguageModelV3CallOptions): Promise<LanguageModelV3StreamResult> {
    const { text, finishReason, usage, warnings } = draft(options);
    // Word by word (each word keeps its trailing space) so the deltas join back to the exact text.
    const words = text.match(/\S+\s*/g) ?? [];
    const parts: LanguageModelV3StreamPart[] = [
      { type: "stream-start", warnings },
      { type: "response-metadata", modelId: OFFLINE_MODEL_ID },
      { type: "text-start", id: "text-0" },
      ...words.map((delta): LanguageModelV3StreamPart => ({ type: "text-delta", id: "text-0", delta })),
      { type: "text-end", id: "text-0" },
      { type: "finish", finishReason, usage },
    ];
    const signal = options.abortSignal;
    const stream = new ReadableStream<LanguageModelV3StreamPart>({
      pull(controller) {
        const part = parts.shift();
        if (signal?.aborted) controller.error(signal.reason);
        else if (part) controller.enqueue(part);
        else controller.close();
      },
    });
    return { stream };
  }
}

function draft(options: LanguageModelV3CallOptions): Draft {
  options.abortSignal?.throwIfAborted();
  const conversation = readConversation(options.prompt);
  let text = composeReply(conversation);
  let unified: LanguageModelV3FinishReason["unified"] = "stop";
  // Honour maxOutputTokens with the same word-count approximation the usage uses.
  const max = options.maxOutputTokens;
  if (max !== undefined && countWords(text) > max) {
    text = text.split(/\s+/).slice(0, Math.max(1, max)).join(" ");
    unified = "length";
  }
  const input = countWords(conversation.allText);
  const output = countWords(text);
  return {
    text,
    finishReason: { unified, raw: unified },
    usage: {
      inputTokens: { total: input, noCache: input, cacheRead: 0, cacheWrite: 0 },
      outputTokens: { total: output, text: output, reasoning: 0 },
    },
    warnings: unsupported(options),
  };
}

function unsupported(options: LanguageModelV3CallOptions): SharedV3Warning[] {
  const warnings: SharedV3Warning[] = [];
  if (options.tools?.length) warnings.push({ type: "unsupported", feature: "tools" });
  if (options.responseFormat?.type === "json")
    warnings.push({ type: "unsupported", feature: "responseFormat: json" });
  return warnings;
}
