import { MockLanguageModelV3 } from "ai/test";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { textReply } from "../testing/mock-model-reply";
import { cleanReply, draftReply } from "./draft";
import { DEFAULT_MODEL_ID } from "./models";
import { resolveModel } from "./providers";

// Lets a test hand draftReply a specific (mock) network model; by default the real resolver runs.
vi.mock("./providers", async (importOriginal) => {
  const actual = await importOriginal<typeof import("./providers")>();
  return { ...actual, resolveModel: vi.fn(actual.resolveModel) };
});

const GATEWAY_ID = "gateway:openai/gpt-4o-mini";

function replying(text: string): MockLanguageModelV3 {
  return new MockLanguageModelV3({ doGenerate: textReply(text) });
}

function useNetworkModel(model: MockLanguageModelV3): void {
  vi.mocked(resolveModel).mockReturnValueOnce({ model, id: GATEWAY_ID, fellBack: false });
}

const base = {
  name: "Maya",
  persona: "Support engineer. Friendly.",
  roomName: "Launch crew",
  otherParticipants: ["Sam"],
  transcript: [
    { sender: "Sam", content: "hi Maya", self: false },
    { sender: "Maya", content: "hey Sam!", self: true },
    { sender: "Sam", content: "I can't log in to the admin panel", self: false },
  ],
  env: {},
};

beforeEach(() => {
  vi.mocked(resolveModel).mockReset(); // back to the real resolver, no queued models
});

describe("draftReply", () => {
  it("drafts with the offline model by default", async () => {
    const result = await draftReply(base);
    expect(result).toMatchObject({ modelId: DEFAULT_MODEL_ID, fellBack: false });
    expect(result.text).toMatch(/logging in|admin panel/);
    expect(result.text).not.toMatch(/^Maya:/);
    expect(await draftReply(base)).toEqual(result);
  });

  it("sends the system prompt and the transcript to the chosen model, and strips a 'NAME:' prefix", async () => {
    const model = replying("  **Maya**: Maya: try a private window, Sam.  ");
    useNetworkModel(model);
    const result = await draftReply({ ...base, modelId: GATEWAY_ID });
    expect(result).toEqual({ text: "try a private window, Sam.", modelId: GATEWAY_ID, fellBack: false });

    const [call] = model.doGenerateCalls;
    expect(call?.prompt[0]).toMatchObject({ role: "system" });
    expect(call?.prompt[0]?.content).toMatch(/^You are Maya/);
    expect(call?.prompt.slice(1).map((m) => m.role)).toEqual(["user", "assistant", "user"]);
    expect(call?.prompt.at(-1)?.content).toEqual([
      { type: "text", text: "Sam: I can't log in to the admin panel" },
    ]);
  });

  it("falls back to the offline model when the network model throws", async () => {
    const model = new MockLanguageModelV3({
      doGenerate: async () => {
        throw new Error("503 from provider");
      },
    });
    useNetworkModel(model);
    const result = await draftReply({ ...base, modelId: GATEWAY_ID });
    expect(model.doGenerateCalls.length).toBeGreaterThan(0);
    expect(result.modelId).toBe(DEFAULT_MODEL_ID);
    expect(result.fellBack).toBe(true);
    expect(result.text).toMatch(/logging in|admin panel/);
  });

  it("falls back when the network model hangs past the timeout", async () => {
    useNetworkModel(new MockLanguageModelV3({ doGenerate: () => new Promise(() => {}) }));
    const started = Date.now();
    const result = await draftReply({ ...base, modelId: GATEWAY_ID, timeoutMs: 50 });
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(result).toMatchObject({ modelId: DEFAULT_MODEL_ID, fellBack: true });
  });

  it("falls back when the network model returns nothing", async () => {
    useNetworkModel(replying("Maya:   "));
    expect(await draftReply({ ...base, modelId: GATEWAY_ID })).toMatchObject({ fellBack: true });
  });

  it("reports a fallback for an unconfigured model", async () => {
    const result = await draftReply({ ...base, modelId: "openai:gpt-4o-mini" });
    expect(result).toMatchObject({ modelId: DEFAULT_MODEL_ID, fellBack: true });
  });

  it("stops, without a fallback, when the caller aborts", async () => {
    const controller = new AbortController();
    controller.abort(new Error("superseded"));
    await expect(draftReply({ ...base, modelId: GATEWAY_ID, signal: controller.signal })).rejects.toThrow();
  });

  it("stops, without a fallback, when the caller aborts mid-call", async () => {
    const controller = new AbortController();
    useNetworkModel(new MockLanguageModelV3({ doGenerate: () => new Promise(() => {}) }));
    setTimeout(() => controller.abort(new Error("superseded")), 20);
    await expect(draftReply({ ...base, modelId: GATEWAY_ID, signal: controller.signal })).rejects.toThrow(
      "superseded",
    );
  });

  it("opens an empty room with a greeting", async () => {
    const result = await draftReply({
      ...base,
      transcript: [{ sender: "Maya", content: "anyone?", self: true }],
    });
    expect(result.text).toMatch(/^(hi|hey|hello)\b/i);
  });

  it("uses deterministic mock models when ROUNDTABLE_TEST_MODELS=mock", async () => {
    const env = { ROUNDTABLE_TEST_MODELS: "mock" };
    const result = await draftReply({ ...base, modelId: GATEWAY_ID, env });
    expect(result).toMatchObject({ modelId: GATEWAY_ID, fellBack: false });
    expect(await draftReply({ ...base, modelId: GATEWAY_ID, env })).toEqual(result);
  });
});

describe("cleanReply", () => {
  it("trims and strips only the agent's own name prefix", () => {
    expect(cleanReply("  maya:  hello  ", "Maya")).toBe("hello");
    expect(cleanReply("__Maya__: hello", "Maya")).toBe("hello");
    expect(cleanReply("Sam: hello", "Maya")).toBe("Sam: hello");
    expect(cleanReply("Mayarama: hello", "Maya")).toBe("Mayarama: hello");
    expect(cleanReply("Dr. Who: hi", "Dr. Who")).toBe("hi");
  });
});
