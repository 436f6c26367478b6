import { MockLanguageModelV3 } from "ai/test";
import { describe, expect, it } from "vitest";
import { textReply } from "../../testing/mock-model-reply";
import { naturalizeWithModel } from "./model-rewrite";
import { naturalize } from "./split-draft";

const DRAFT =
  "I checked the deploy: it failed at 10:30 because `MAX_CONN` was 5 instead of 50. Details are in https://ci.example.com/runs/42.";

const GOOD = [
  "checked the deploy, it died at 10:30",
  "`MAX_CONN` was 5 instead of 50",
  "details: https://ci.example.com/runs/42",
];

describe("naturalizeWithModel", () => {
  it("uses a faithful model rewrite", async () => {
    const model = new MockLanguageModelV3({ doGenerate: textReply({ messages: GOOD }) });
    const result = await naturalizeWithModel({
      model,
      draft: DRAFT,
      systemPrompt: "You are Juno. Keep it casual.",
      agentName: "Juno",
      timeoutMs: 1000,
    });
    expect(result).toEqual({ bubbles: GOOD, source: "model" });
  });

  it("sends the agent's voice as system prompt, the draft as prompt, and asks for JSON", async () => {
    const model = new MockLanguageModelV3({ doGenerate: textReply({ messages: GOOD }) });
    await naturalizeWithModel({ model, draft: DRAFT, systemPrompt: "You are Juno.", agentName: "Juno" });
    const call = model.doGenerateCalls[0]!;
    expect(call.responseFormat?.type).toBe("json");
    const system = call.prompt.find((m) => m.role === "system");
    expect(system?.content).toContain("You are Juno.");
    expect(JSON.stringify(call.prompt)).toContain("instead of 50");
  });

  it("trims the model's messages", async () => {
    const model = new MockLanguageModelV3({
      doGenerate: textReply({ messages: GOOD.map((m) => ` ${m}\n`) }),
    });
    const result = await naturalizeWithModel({ model, draft: DRAFT, timeoutMs: 1000 });
    expect(result.bubbles).toEqual(GOOD);
  });

  it("falls back when the rewrite drops a number", async () => {
    const lossy = [GOOD[0]!, "`MAX_CONN` was too low", GOOD[2]!];
    const model = new MockLanguageModelV3({ doGenerate: textReply({ messages: lossy }) });
    const result = await naturalizeWithModel({ model, draft: DRAFT, timeoutMs: 1000 });
    expect(result.source).toBe("deterministic");
    expect(result.bubbles).toEqual(naturalize(DRAFT));
    expect(result.error).toContain("number 5");
    expect(result.error).toContain("number 50");
  });

  it("falls back when the rewrite drops a code span or link", async () => {
    const lossy = ["it died at 10:30", "MAX_CONN was 5 instead of 50", "runs/42 has details"];
    const model = new MockLanguageModelV3({ doGenerate: textReply({ messages: lossy }) });
    const result = await naturalizeWithModel({ model, draft: DRAFT });
    expect(result.source).toBe("deterministic");
    expect(result.error).toContain("code `MAX_CONN`");
    expect(result.error).toContain("link https://ci.example.com/runs/42");
  });

  it.each([
    ["more than 5 messages", { messages: ["a", "b", "c", "d", "e", "f"] }],
    ["no messages", { messages: [] }],
    ["the wrong shape", { bubbles: GOOD }],
    ["invalid JSON", "messages: sure"],
  ])("falls back on %s", async (_, body) => {
    const model = new MockLanguageModelV3({ doGenerate: textReply(body) });
    const result = await naturalizeWithModel({ model, draft: DRAFT });
    expect(result.source).toBe("deterministic");
    expect(result.bubbles).toEqual(naturalize(DRAFT));
    expect(result.error).toBeTruthy();
  });

  it("falls back on an empty message", async () => {
    const model = new MockLanguageModelV3({ doGenerate: textReply({ messages: [...GOOD, "   "] }) });
    const result = await naturalizeWithModel({ model, draft: DRAFT });
    expect(result).toMatchObject({ source: "deterministic", error: "empty message" });
  });

  it("falls back when the model throws", async () => {
    const model = new MockLanguageModelV3({
      doGenerate: async () => {
        throw new Error("provider is down");
      },
    });
    const result = await naturalizeWithModel({ model, draft: DRAFT });
    expect(result).toEqual({
      bubbles: naturalize(DRAFT),
      source: "deterministic",
      error: "provider is down",
    });
  });

  it("falls back within the timeout when the model is slow, even if it ignores the abort", async () => {
    const model = new MockLanguageModelV3({
      doGenerate: async () => {
        await new Promise((resolve) => setTimeout(resolve, 1000));
        return textReply({ messages: GOOD });
      },
    });
    const started = performance.now();
    const result = await naturalizeWithModel({ model, draft: DRAFT, timeoutMs: 50 });
    const elapsed = performance.now() - started;
    expect(result.source).toBe("deterministic");
    expect(result.bubbles).toEqual(naturalize(DRAFT));
    expect(result.error).toMatch(/timeout/);
    expect(elapsed).toBeGreaterThanOrEqual(45);
    expect(elapsed).toBeLessThan(500);
  });

  it("aborts the model call on timeout", async () => {
    let seen: AbortSignal | undefined;
    const model = new MockLanguageModelV3({
      doGenerate: async ({ abortSignal }) => {
        seen = abortSignal;
        await new Promise((resolve) => setTimeout(resolve, 300));
        return textReply({ messages: GOOD });
      },
    });
    await naturalizeWithModel({ model, draft: DRAFT, timeoutMs: 20 });
    expect(seen?.aborted).toBe(true);
  });

  it("falls back at once when the caller aborts", async () => {
    const model = new MockLanguageModelV3({
      doGenerate: async () => {
        await new Promise((resolve) => setTimeout(resolve, 1000));
        return textReply({ messages: GOOD });
      },
    });
    const caller = new AbortController();
    setTimeout(() => caller.abort(), 20);
    const started = performance.now();
    const result = await naturalizeWithModel({ model, draft: DRAFT, timeoutMs: 5000, signal: caller.signal });
    expect(performance.now() - started).toBeLessThan(500);
    expect(result).toMatchObject({ source: "deterministic", error: "aborted" });
  });

  it("does not call the model when the caller has already aborted", async () => {
    const model = new MockLanguageModelV3({ doGenerate: textReply({ messages: GOOD }) });
    const result = await naturalizeWithModel({ model, draft: DRAFT, signal: AbortSignal.abort() });
    expect(result).toMatchObject({ source: "deterministic", error: "aborted" });
    expect(model.doGenerateCalls).toHaveLength(0);
  });

  it("does not call the model for a blank draft", async () => {
    const model = new MockLanguageModelV3({ doGenerate: textReply({ messages: GOOD }) });
    expect(await naturalizeWithModel({ model, draft: "  \n " })).toEqual({
      bubbles: [],
      source: "deterministic",
    });
    expect(model.doGenerateCalls).toHaveLength(0);
  });
});
