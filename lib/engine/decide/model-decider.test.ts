import { MockLanguageModelV3 } from "ai/test";
import { describe, expect, it } from "vitest";
import { type MockGenerateResult, textReply } from "../../testing/mock-model-reply";
import { buildDecisionPrompt, createModelDecider } from "./model-decider";
import { createRuleDecider } from "./rule-decider";
import { chat } from "./test-chat";

const SAM = "You are Sam, a support engineer for billing and login issues.";
const input = chat({
  agent: "Sam",
  prompt: SAM,
  lines: ["Lena: hi all", "Sam: Morning!", "Lena: my invoice is wrong, can someone check?"],
  signals: { typingNow: ["Raj"] },
});

describe("createModelDecider", () => {
  it("returns the model's decision and reasons", async () => {
    const model = new MockLanguageModelV3({
      doGenerate: textReply({
        decision: "speak",
        confidence: 0.8,
        reasons: [{ factor: "open_question", detail: "billing question" }],
      }),
    });
    const result = await createModelDecider({ model, timeoutMs: 1000 }).decide(input);
    expect(result).toEqual({
      decision: "speak",
      score: 0.9,
      reasons: [{ factor: "open_question", weight: 1, detail: "billing question" }],
    });
  });

  it("keeps a stay_silent score below 0.5", async () => {
    const model = new MockLanguageModelV3({
      doGenerate: textReply({ decision: "stay_silent", reasons: [] }),
    });
    const result = await createModelDecider({ model }).decide(input);
    expect(result.decision).toBe("stay_silent");
    expect(result.score).toBeLessThan(0.5);
  });

  it("sends the agent, its prompt, the history and the new batch, asking for JSON", async () => {
    const model = new MockLanguageModelV3({ doGenerate: textReply({ decision: "speak", reasons: [] }) });
    await createModelDecider({ model }).decide(input);
    const call = model.doGenerateCalls[0];
    expect(call?.responseFormat).toMatchObject({ type: "json" });
    const text = JSON.stringify(call?.prompt);
    expect(text).toContain("Agent name: Sam");
    expect(text).toContain("billing and login issues");
    expect(text).toContain("Sam (this agent): Morning!");
    expect(text).toContain("NEW [");
    expect(text).toContain("Typing right now: Raj");
  });

  it("falls back to the rules, with a model_fallback reason, when the model is too slow", async () => {
    const model = new MockLanguageModelV3({
      // Never answers, and ignores the abort signal: the race must still end.
      doGenerate: () => new Promise<MockGenerateResult>(() => {}),
    });
    const started = Date.now();
    const result = await createModelDecider({ model, timeoutMs: 50 }).decide(input);
    expect(Date.now() - started).toBeLessThan(1000);
    const rules = createRuleDecider().decide(input);
    expect(result.decision).toBe(rules.decision);
    expect(result.reasons.at(-1)).toMatchObject({ factor: "model_fallback", weight: 0 });
    expect(result.reasons.at(-1)?.detail).toMatch(/timeout/);
  });

  it("falls back when the model errors or answers off-schema", async () => {
    const failing = new MockLanguageModelV3({
      doGenerate: async () => {
        throw new Error("provider down");
      },
    });
    const a = await createModelDecider({ model: failing }).decide(input);
    expect(a.reasons.at(-1)).toMatchObject({
      factor: "model_fallback",
      detail: expect.stringMatching(/provider down/),
    });

    const garbled = new MockLanguageModelV3({
      doGenerate: textReply({ decision: "maybe", reasons: "none" }),
    });
    const b = await createModelDecider({ model: garbled }).decide(input);
    expect(b.reasons.at(-1)?.factor).toBe("model_fallback");
  });

  it("uses a custom fallback", async () => {
    const model = new MockLanguageModelV3({ doGenerate: textReply("not json at all") });
    const fallback = { decide: () => ({ decision: "stay_silent" as const, score: 0.1, reasons: [] }) };
    const result = await createModelDecider({ model, fallback }).decide(input);
    expect(result).toMatchObject({ decision: "stay_silent", score: 0.1 });
    expect(result.reasons).toHaveLength(1);
  });
});

describe("buildDecisionPrompt", () => {
  it("keeps only the most recent history and truncates a huge prompt", () => {
    const long = chat({
      agent: "Sam",
      prompt: `You are Sam. ${"x".repeat(20_000)}`,
      lines: Array.from({ length: 50 }, (_, i) => `P${i}: message ${i}`),
    });
    const text = buildDecisionPrompt(long, 10);
    expect(text).toContain("(10 of 49)");
    expect(text).not.toContain("message 0\n");
    expect(text.length).toBeLessThan(12_000);
  });
});
