/**
 * The engine's behavioural-signal vocabulary (threads with `integrations.social_signals`).
 *
 * Batch tags, returned by submit_messages:
 * - fast:     the batch came within FAST_MS of the previous line by someone else (a quick reply)
 * - comeback: a sender speaks again after COMEBACK_MS of their own silence
 * - burst:    one sender has sent BURST_MIN+ lines within BURST_WINDOW_MS (they may not be done)
 * - edited:   a sender in the batch edited a message since their previous line
 *
 * Signal kinds, sent as turn_taking.signal frames:
 * - typing_started:   a participant started typing
 * - typing_abandoned: a participant stopped typing without sending anything
 * - message_edited:   a participant edited a message
 * - went_silent:      the agent addressed a participant by name and heard nothing back for SILENCE_MS
 */
export const BATCH_TAGS = ["fast", "comeback", "burst", "edited"] as const;
export type BatchTag = (typeof BATCH_TAGS)[number];

export const SIGNAL_KINDS = ["typing_started", "typing_abandoned", "message_edited", "went_silent"] as const;
export type SignalKind = (typeof SIGNAL_KINDS)[number];

export const FAST_MS = 5_000;
export const COMEBACK_MS = 10 * 60_000;
export const BURST_MIN = 3;
export const BURST_WINDOW_MS = 15_000;
/** A typing_start older than this without a stop or a message no longer counts as typing now. */
export const TYPING_TTL_MS = 20_000;
export const EVENT_LOOKBACK_MS = 60_000;

export function silenceMs(env: NodeJS.ProcessEnv = process.env): number {
  const n = Number(env.ENGINE_SILENCE_MS);
  return Number.isFinite(n) && n > 0 ? n : 60_000;
}
