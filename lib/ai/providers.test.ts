import { generateText } from "ai";
import { MockLanguageModelV3 } from "ai/test";
import { describe, expect, it } from "vitest";
import { DEFAULT_MODEL_ID } from "./models";
import { offlineModel } from "./offline-model";
import { getLanguageModel, resolveModel } from "./providers";

describe("resolveModel / getLanguageModel", () => {
  it("returns the offline model for the default id and for no id on a fresh machine", () => {
    expect(resolveModel(DEFAULT_MODEL_ID, {})).toEqual({
      model: offlineModel,
      id: DEFAULT_MODEL_ID,
      fellBack: false,
    });
    expect(resolveModel(undefined, {})).toEqual({
      model: offlineModel,
      id: DEFAULT_MODEL_ID,
      fellBack: false,
    });
  });

  it("falls back to the offline model for unknown ids", () => {
    expect(getLanguageModel("mystery:model", {})).toBe(offlineModel);
    expect(getLanguageModel("gateway:made-up/model", { AI_GATEWAY_API_KEY: "k" })).toBe(offlineModel);
    expect(resolveModel("not an id", {})).toMatchObject({ id: DEFAULT_MODEL_ID, fellBack: true });
  });

  it("falls back when the provider is not configured", () => {
    expect(resolveModel("gateway:openai/gpt-4o-mini", {})).toMatchObject({
      model: offlineModel,
      fellBack: true,
    });
    expect(resolveModel("openai:gpt-4o-mini", {})).toMatchObject({ model: offlineModel, fellBack: true });
    expect(resolveModel("compatible:llama3.1", {})).toMatchObject({ model: offlineModel, fellBack: true });
  });

  it("builds provider models without calling the network", () => {
    const gateway = resolveModel("gateway:anthropic/claude-3-5-haiku", { AI_GATEWAY_API_KEY: "k" });
    expect(gateway.fellBack).toBe(false);
    expect(gateway.model.provider).toBe("gateway");
    expect(gateway.model.modelId).toBe("anthropic/claude-3-5-haiku");

    const openai = getLanguageModel("openai:gpt-4o-mini", { OPENAI_API_KEY: "sk" });
    expect(openai.provider).toBe("openai.chat");
    expect(openai.modelId).toBe("gpt-4o-mini");

    const compatible = resolveModel("compatible:llama3.1", {
      OPENAI_COMPATIBLE_BASE_URL: "http://localhost:11434/v1",
      OPENAI_COMPATIBLE_MODELS: "llama3.1",
    });
    expect(compatible.id).toBe("compatible:llama3.1");
    expect(compatible.model.provider).toBe("openai-compatible.chat");
    expect(compatible.model.modelId).toBe("llama3.1");
  });

  it("picks the configured network model when no id is given", () => {
    expect(resolveModel(null, { OPENAI_API_KEY: "sk" }).id).toBe("openai:gpt-4o-mini");
  });

  it("returns deterministic mock models in test mode", async () => {
    const env = { ROUNDTABLE_TEST_MODELS: "mock" };
    const resolved = resolveModel("gateway:openai/gpt-4o-mini", env);
    expect(resolved).toMatchObject({ id: "gateway:openai/gpt-4o-mini", fellBack: false });
    expect(resolved.model).toBeInstanceOf(MockLanguageModelV3);
    const call = () =>
      generateText({
        model: resolved.model,
        system: "You are Maya, a support engineer.",
        messages: [{ role: "user", content: "Sam: the export is broken" }],
      });
    const [first, second] = await Promise.all([call(), call()]);
    expect(first.text).toBe(second.text);
    expect(first.text).toMatch(/export/);
    expect(getLanguageModel("mystery:model", env)).toBe(offlineModel);
  });
});
