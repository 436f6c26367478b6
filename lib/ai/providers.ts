import { createGateway } from "@ai-sdk/gateway";
import { createOpenAI } from "@ai-sdk/openai";
import { createOpenAICompatible } from "@ai-sdk/openai-compatible";
import type { LanguageModelV3 } from "@ai-sdk/provider";
import { MockLanguageModelV3 } from "ai/test";
import {
  DEFAULT_MODEL_ID,
  findModel,
  isOfflineModel,
  preferredModelId,
  providerConfigured,
  usesMockModels,
} from "./models";
import { offlineModel } from "./offline-model";

type Env = Record<string, string | undefined>;

export interface ResolvedModel {
  model: LanguageModelV3;
  /** The id actually used: the requested one, or the offline model's after a fallback. */
  id: string;
  /** True when the requested model was unknown or unconfigured and the offline model stands in. */
  fellBack: boolean;
}

/**
 * Resolves a registry id to a model this server can run. No id means "the
 * best configured model"; an unknown or unconfigured id falls back to the
 * offline model so an agent can always reply.
 */
export function resolveModel(id: string | null | undefined, env: Env = process.env): ResolvedModel {
  const requested = id?.trim() || preferredModelId(env);
  if (isOfflineModel(requested)) return { model: offlineModel, id: DEFAULT_MODEL_ID, fellBack: false };
  const entry = findModel(requested, env);
  if (!entry || !providerConfigured(entry.provider, env)) {
    return { model: offlineModel, id: DEFAULT_MODEL_ID, fellBack: true };
  }
  const model = usesMockModels(env) ? mockModel(requested) : networkModel(requested, env);
  return model
    ? { model, id: requested, fellBack: false }
    : { model: offlineModel, id: DEFAULT_MODEL_ID, fellBack: true };
}

export function getLanguageModel(id: string | null | undefined, env: Env = process.env): LanguageModelV3 {
  return resolveModel(id, env).model;
}

function networkModel(id: string, env: Env): LanguageModelV3 | null {
  const colon = id.indexOf(":");
  const [prefix, model] = [id.slice(0, colon), id.slice(colon + 1)];
  switch (prefix) {
    case "gateway":
      // Without a key the gateway reads VERCEL_OIDC_TOKEN itself.
      return createGateway({ apiKey: env.AI_GATEWAY_API_KEY || undefined })(model);
    case "openai":
      // Chat Completions, not the Responses API: it is what compatible servers and proxies speak too.
      return createOpenAI({ apiKey: env.OPENAI_API_KEY }).chat(model);
    case "compatible":
      return createOpenAICompatible({
        name: "openai-compatible",
        baseURL: env.OPENAI_COMPATIBLE_BASE_URL!,
        apiKey: env.OPENAI_COMPATIBLE_API_KEY || undefined,
      }).chatModel(model);
    default:
      return null;
  }
}

/**
 * Test double for a network model (ROUNDTABLE_TEST_MODELS=mock): free and
 * deterministic, and it still answers in character by delegating to the
 * offline model, so end-to-end tests read like real rooms.
 */
export function mockModel(id: string): MockLanguageModelV3 {
  return new MockLanguageModelV3({
    provider: "mock",
    modelId: id,
    doGenerate: (options) => offlineModel.doGenerate(options),
    doStream: (options) => offlineModel.doStream(options),
  });
}
