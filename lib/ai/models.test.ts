import { describe, expect, it } from "vitest";
import {
  availableModels,
  chatModels,
  DEFAULT_MODEL_ID,
  isModelAvailable,
  isOfflineModel,
  modelLabel,
  parseModelId,
  preferredModelId,
} from "./models";

const availableIds = (env: Record<string, string | undefined>) =>
  availableModels(env)
    .filter((model) => model.available)
    .map((model) => model.id);

describe("model registry", () => {
  it("defaults to the offline model, which needs no key", () => {
    expect(DEFAULT_MODEL_ID).toBe("offline:persona");
    expect(chatModels[0]).toMatchObject({ id: DEFAULT_MODEL_ID, provider: "offline", needsKey: false });
    expect(chatModels.filter((m) => m.provider !== "offline").every((m) => m.needsKey)).toBe(true);
    expect(new Set(chatModels.map((m) => m.id)).size).toBe(chatModels.length);
  });

  it("offers only the offline model on a fresh machine", () => {
    expect(availableIds({})).toEqual([DEFAULT_MODEL_ID]);
    expect(availableModels({}).length).toBe(chatModels.length);
  });

  it("unlocks gateway models with a key or an OIDC token", () => {
    for (const env of [{ AI_GATEWAY_API_KEY: "k" }, { VERCEL_OIDC_TOKEN: "t" }]) {
      const ids = availableIds(env);
      expect(ids).toContain("gateway:openai/gpt-4o-mini");
      expect(ids).toContain("gateway:anthropic/claude-3-5-haiku");
      expect(ids).not.toContain("openai:gpt-4o-mini");
    }
  });

  it("unlocks OpenAI with OPENAI_API_KEY", () => {
    expect(availableIds({ OPENAI_API_KEY: "sk" })).toEqual([DEFAULT_MODEL_ID, "openai:gpt-4o-mini"]);
  });

  it("lists OpenAI-compatible models from env, available once a base URL is set", () => {
    const listed = { OPENAI_COMPATIBLE_MODELS: "llama3.1, qwen2.5 ," };
    const compatible = availableModels(listed).filter((m) => m.provider === "openai-compatible");
    expect(compatible.map((m) => [m.id, m.available])).toEqual([
      ["compatible:llama3.1", false],
      ["compatible:qwen2.5", false],
    ]);
    const configured = { ...listed, OPENAI_COMPATIBLE_BASE_URL: "http://localhost:11434/v1" };
    expect(availableIds(configured)).toEqual([DEFAULT_MODEL_ID, "compatible:llama3.1", "compatible:qwen2.5"]);
    expect(isModelAvailable("compatible:llama3.1", configured)).toBe(true);
    expect(isModelAvailable("compatible:mistral", configured)).toBe(false);
  });

  it("marks everything available with mock test models", () => {
    expect(availableModels({ ROUNDTABLE_TEST_MODELS: "mock" }).every((m) => m.available)).toBe(true);
  });

  it("prefers the first configured network model, else offline", () => {
    expect(preferredModelId({})).toBe(DEFAULT_MODEL_ID);
    expect(preferredModelId({ OPENAI_API_KEY: "sk" })).toBe("openai:gpt-4o-mini");
    expect(preferredModelId({ OPENAI_API_KEY: "sk", AI_GATEWAY_API_KEY: "k" })).toBe(
      "gateway:openai/gpt-4o-mini",
    );
  });

  it("parses ids, recognises the offline model and labels models for the UI", () => {
    expect(parseModelId("gateway:openai/gpt-4o-mini")).toEqual({
      provider: "gateway",
      model: "openai/gpt-4o-mini",
    });
    expect(parseModelId("compatible:llama3.1")).toEqual({ provider: "openai-compatible", model: "llama3.1" });
    expect(parseModelId("nope")).toBeNull();
    expect(parseModelId("mystery:model")).toBeNull();
    expect(isOfflineModel(DEFAULT_MODEL_ID)).toBe(true);
    expect(isOfflineModel("openai:gpt-4o-mini")).toBe(false);
    expect(modelLabel(DEFAULT_MODEL_ID)).toBe("Offline persona model");
    expect(modelLabel(undefined)).toBe("Offline persona model");
    expect(modelLabel("openai:gpt-4o-mini")).toBe("GPT-4o mini (OpenAI)");
    expect(modelLabel("compatible:llama3.1", {})).toBe("llama3.1 (OpenAI-compatible)");
    expect(modelLabel("mystery:model")).toBe("mystery:model");
  });
});
