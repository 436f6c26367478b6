import { z } from "zod";

const count = (fallback: number) => z.coerce.number().int().min(0).default(fallback);

const schema = z.object({
  CHAT_MAX_AGENTS_PER_ROOM: count(8),
  CHAT_ROOM_MESSAGES_PER_MINUTE: count(40),
  CHAT_IP_MESSAGES_PER_MINUTE: count(30),
  CHAT_ROOM_CREDITS_PER_HOUR: count(600),
  CHAT_ACCOUNT_CREDITS_PER_HOUR: count(1000),
  AUTH_FAILURES_PER_ACCOUNT: count(5),
  AUTH_FAILURES_PER_IP: count(20),
  AUTH_FAILURE_WINDOW_S: count(900),
});

export type LimitsConfig = {
  maxAgentsPerRoom: number;
  roomMessagesPerMinute: number;
  ipMessagesPerMinute: number;
  roomCreditsPerHour: number;
  accountCreditsPerHour: number;
  signInFailuresPerAccount: number;
  signInFailuresPerIp: number;
  signInWindowMs: number;
};

/** Every abuse limit of the app, parsed once from the environment (README, "Limits"). */
export function limitsConfig(env: Record<string, string | undefined> = process.env): LimitsConfig {
  const c = schema.parse(Object.fromEntries(Object.keys(schema.shape).map((k) => [k, env[k] || undefined])));
  return {
    maxAgentsPerRoom: c.CHAT_MAX_AGENTS_PER_ROOM,
    roomMessagesPerMinute: c.CHAT_ROOM_MESSAGES_PER_MINUTE,
    ipMessagesPerMinute: c.CHAT_IP_MESSAGES_PER_MINUTE,
    roomCreditsPerHour: c.CHAT_ROOM_CREDITS_PER_HOUR,
    accountCreditsPerHour: c.CHAT_ACCOUNT_CREDITS_PER_HOUR,
    signInFailuresPerAccount: c.AUTH_FAILURES_PER_ACCOUNT,
    signInFailuresPerIp: c.AUTH_FAILURES_PER_IP,
    signInWindowMs: c.AUTH_FAILURE_WINDOW_S * 1000,
  };
}

let cached: LimitsConfig | undefined;
export const limits = (): LimitsConfig => {
  cached ??= limitsConfig();
  return cached;
};
