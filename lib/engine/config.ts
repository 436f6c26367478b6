import { createOpenAICompatible } from "@ai-sdk/openai-compatible";
import type { LanguageModel } from "ai";
import { envNumber } from "../config/env-number";
import { DEFAULT_BODY_LIMIT } from "./http";

export interface EngineConfig {
  bodyLimit: number;
  publicWsUrl: string | null;
  pingIntervalMs: number;
  /** Redis that carries realtime frames between engine instances; null for one instance. */
  redisUrl: string | null;
  /** Writes per second per key (0: no limit) and the burst a key may spend at once. */
  writeRatePerSecond: number;
  writeBurst: number;
  /** A client has this long to send its headers, and this long again for its body. */
  headersTimeoutMs: number;
  bodyTimeoutMs: number;
  /** Request bodies being read at once; more are refused with 429 rather than buffered. */
  maxBodiesInFlight: number;
}

export function engineConfig(env: NodeJS.ProcessEnv = process.env): EngineConfig {
  const limit = Number(env.ENGINE_BODY_LIMIT_BYTES);
  const ping = Number(env.ENGINE_WS_PING_MS);
  return {
    bodyLimit: Number.isSafeInteger(limit) && limit > 0 ? limit : DEFAULT_BODY_LIMIT,
    publicWsUrl: env.ENGINE_PUBLIC_WS_URL?.replace(/\/$/, "") || null,
    pingIntervalMs: Number.isFinite(ping) && ping > 0 ? ping : 25_000,
    redisUrl: env.ENGINE_REDIS_URL || env.REDIS_URL || null,
    writeRatePerSecond: envNumber(env.ENGINE_WRITE_RATE_PER_S, 100, 0),
    writeBurst: envNumber(env.ENGINE_WRITE_BURST, 1000, 1),
    headersTimeoutMs: envNumber(env.ENGINE_HEADERS_TIMEOUT_MS, 10_000, 1),
    bodyTimeoutMs: envNumber(env.ENGINE_BODY_TIMEOUT_MS, 10_000, 1),
    maxBodiesInFlight: envNumber(env.ENGINE_MAX_BODIES_IN_FLIGHT, 256, 1),
  };
}

/** ENGINE_DECIDER_MODEL=true: decide with the configured model (deterministic fallback). */
export function deciderModelFromEnv(env: NodeJS.ProcessEnv = process.env): LanguageModel | null {
  return env.ENGINE_DECIDER_MODEL === "true" ? rewriteModelFromEnv(env) : null;
}

/**
 * Optional model for rewriting drafts in the agent's voice: any OpenAI-compatible
 * server (ENGINE_MODEL_BASE_URL + ENGINE_MODEL, key optional). Unset → deterministic.
 */
export function rewriteModelFromEnv(env: NodeJS.ProcessEnv = process.env): LanguageModel | null {
  if (!env.ENGINE_MODEL_BASE_URL || !env.ENGINE_MODEL) return null;
  const provider = createOpenAICompatible({
    name: "engine-rewrite",
    baseURL: env.ENGINE_MODEL_BASE_URL,
    apiKey: env.ENGINE_MODEL_API_KEY,
  });
  return provider.chatModel(env.ENGINE_MODEL);
}
