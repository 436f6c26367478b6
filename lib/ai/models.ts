/** The drafting models a user can pick for an agent, and which of them this server can run. */

export type ModelProvider = "offline" | "gateway" | "openai" | "openai-compatible";

export interface ChatModel {
  /** "<prefix>:<provider model id>", e.g. "gateway:openai/gpt-4o-mini". */
  id: string;
  label: string;
  provider: ModelProvider;
  /** Whether the server needs a provider key (or OIDC token) before this model can run. */
  needsKey: boolean;
  description: string;
}

export interface AvailableModel extends ChatModel {
  available: boolean;
}

type Env = Record<string, string | undefined>;

export const DEFAULT_MODEL_ID = "offline:persona";
export const OFFLINE_MODEL_LABEL = "Offline persona model";

const PREFIX: Record<string, ModelProvider> = {
  offline: "offline",
  gateway: "gateway",
  openai: "openai",
  compatible: "openai-compatible",
};

export const chatModels: readonly ChatModel[] = [
  {
    id: DEFAULT_MODEL_ID,
    label: OFFLINE_MODEL_LABEL,
    provider: "offline",
    needsKey: false,
    description: "Built-in and deterministic: short in-character replies drafted without any network model.",
  },
  {
    id: "gateway:openai/gpt-4o-mini",
    label: "GPT-4o mini (AI Gateway)",
    provider: "gateway",
    needsKey: true,
    description: "OpenAI's small, fast model through the Vercel AI Gateway.",
  },
  {
    id: "gateway:anthropic/claude-3-5-haiku",
    label: "Claude 3.5 Haiku (AI Gateway)",
    provider: "gateway",
    needsKey: true,
    description: "Anthropic's fast model through the Vercel AI Gateway.",
  },
  {
    id: "gateway:google/gemini-2.0-flash",
    label: "Gemini 2.0 Flash (AI Gateway)",
    provider: "gateway",
    needsKey: true,
    description: "Google's fast model through the Vercel AI Gateway.",
  },
  {
    id: "openai:gpt-4o-mini",
    label: "GPT-4o mini (OpenAI)",
    provider: "openai",
    needsKey: true,
    description: "OpenAI's small, fast model, called directly with OPENAI_API_KEY.",
  },
];

/** Splits "gateway:openai/gpt-4o-mini" into its provider and the provider's own model id. */
export function parseModelId(id: string): { provider: ModelProvider; model: string } | null {
  const colon = id.indexOf(":");
  const provider = PREFIX[id.slice(0, colon)];
  const model = id.slice(colon + 1).trim();
  return colon > 0 && provider && model ? { provider, model } : null;
}

export function isOfflineModel(id: string | null | undefined): boolean {
  return id === DEFAULT_MODEL_ID;
}

/** Models served by the configured OpenAI-compatible server (Ollama, LM Studio, vLLM…). */
export function compatibleModelNames(env: Env = process.env): string[] {
  return (env.OPENAI_COMPATIBLE_MODELS ?? "")
    .split(",")
    .map((name) => name.trim())
    .filter(Boolean);
}

function compatibleModel(model: string): ChatModel {
  return {
    id: `compatible:${model}`,
    label: `${model} (OpenAI-compatible)`,
    provider: "openai-compatible",
    needsKey: false,
    description: "Served by the OpenAI-compatible server at OPENAI_COMPATIBLE_BASE_URL.",
  };
}

/** ROUNDTABLE_TEST_MODELS=mock: every model is available and network ones are deterministic mocks (providers.ts). */
export function usesMockModels(env: Env = process.env): boolean {
  return env.ROUNDTABLE_TEST_MODELS === "mock";
}

/** Whether the server has what `provider` needs to make a call. */
export function providerConfigured(provider: ModelProvider, env: Env = process.env): boolean {
  if (usesMockModels(env)) return true;
  switch (provider) {
    case "offline":
      return true;
    case "gateway":
      return Boolean(env.AI_GATEWAY_API_KEY || env.VERCEL_OIDC_TOKEN);
    case "openai":
      return Boolean(env.OPENAI_API_KEY);
    case "openai-compatible":
      return Boolean(env.OPENAI_COMPATIBLE_BASE_URL);
  }
}

/** The registry plus the configured compatible models, each marked available or not for this env. */
export function availableModels(env: Env = process.env): AvailableModel[] {
  return [...chatModels, ...compatibleModelNames(env).map(compatibleModel)].map((model) => ({
    ...model,
    available: providerConfigured(model.provider, env),
  }));
}

/** The registry entry for an id (compatible ids are built from the id itself), or undefined. */
export function findModel(id: string, env: Env = process.env): ChatModel | undefined {
  const known = chatModels.find((model) => model.id === id);
  if (known) return known;
  const parsed = parseModelId(id);
  if (parsed?.provider !== "openai-compatible") return undefined;
  const listed = compatibleModelNames(env);
  // With no list configured, any model name is the server's to accept or refuse.
  return listed.length === 0 || listed.includes(parsed.model) ? compatibleModel(parsed.model) : undefined;
}

/** Whether `id` names a model this server can run right now. */
export function isModelAvailable(id: string, env: Env = process.env): boolean {
  const model = findModel(id, env);
  return model !== undefined && providerConfigured(model.provider, env);
}

/** The model an agent without a choice should use: the first configured network model, else offline. */
export function preferredModelId(env: Env = process.env): string {
  if (usesMockModels(env)) return DEFAULT_MODEL_ID;
  const configured = availableModels(env).find((model) => model.available && model.provider !== "offline");
  return configured?.id ?? DEFAULT_MODEL_ID;
}

export function modelLabel(id: string | null | undefined, env: Env = process.env): string {
  if (!id) return OFFLINE_MODEL_LABEL;
  return findModel(id, env)?.label ?? id;
}
