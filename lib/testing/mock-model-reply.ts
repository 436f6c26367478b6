// For tests that hand the AI SDK's MockLanguageModelV3 a canned answer.
import type { MockLanguageModelV3 } from "ai/test";

/** What a mock model's doGenerate returns (`@ai-sdk/provider` is not a direct dependency, so the type comes from the mock). */
export type MockGenerateResult = Awaited<ReturnType<MockLanguageModelV3["doGenerate"]>>;

/** A finished generation whose text is `body`, or `body` as JSON when it is not a string. */
export function textReply(body: unknown): MockGenerateResult {
  return {
    content: [{ type: "text", text: typeof body === "string" ? body : JSON.stringify(body) }],
    finishReason: { unified: "stop", raw: "stop" },
    usage: {
      inputTokens: { total: 10, noCache: 10, cacheRead: undefined, cacheWrite: undefined },
      outputTokens: { total: 10, text: 10, reasoning: undefined },
    },
    warnings: [],
  };
}
