// The Turn-taking API's contract, written once: its paths, its request schemas (the limits
// the spec documents; the engine validates with them, and the typed client's request types
// are derived from them) and its response types. Imported by lib/engine and lib/turn-taking.
// No framework, no Node-only APIs: the typed client may run anywhere.

import { z } from "zod";

/** The message integer fields give for any wrong type (zod reports a string sent there as "expected number"). */
export const INTEGER_MESSAGE = "Input should be a valid integer";

/** Every path of the API, as both the engine routes and the client calls them. */
export const TURN_TAKING_PATHS = {
  whoami: "/v1/turn-taking/actions/whoami",
  openThread: "/v1/turn-taking/actions/open_thread",
  submitMessages: "/v1/turn-taking/actions/submit_messages",
  respond: "/v1/turn-taking/actions/respond",
  recordEvent: "/v1/turn-taking/actions/record_event",
  usageSummary: "/v1/credits/projections/usage-summary",
  decisions: "/v1/turn-taking/projections/decisions",
  /** Engine extension (free, read-only): the decision model re-run over a transcript; the hosted service has no such route. */
  replays: "/v1/turn-taking/replays",
} as const;

// Field limits exactly as the Turn-taking API documents them. Unknown keys are stripped, never an error.
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ISO_8601 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/;
/** Integer columns are 32-bit in Postgres: a larger epoch is out of range, not a crash. */
export const INT32_MAX = 2 ** 31 - 1;
/** Deepest nesting accepted in `metadata` (the hosted limit is its size; depth guards the stack). */
export const METADATA_MAX_DEPTH = 32;

// Postgres text cannot hold NUL, and no chat line needs one: a schema failure on both databases.
const noNul = (v: string) => !v.includes("\0");
const nulRule = { error: "must not contain NUL characters" } as const;

const text = (min: number, max: number) => z.string().min(min).max(max).refine(noNul, nulRule);

export const threadId = z
  .string()
  .refine((v) => UUID.test(v), { params: { type: "uuid_parsing" }, error: "Input should be a valid UUID" });

export const clientTs = z.string().refine((v) => ISO_8601.test(v) && !Number.isNaN(Date.parse(v)), {
  params: { type: "datetime_parsing" },
  error: "Input should be a valid datetime",
});

const systemPrompt = z.string().max(100_000).refine(noNul, nulRule);
const agentName = text(1, 255);
const bool = z.boolean();
const int32 = z.int({ error: INTEGER_MESSAGE }).lte(INT32_MAX);

export const openThreadSchema = z.object({
  thread_id: threadId.optional(),
  integrations: z
    .object({ social_signals: z.object({ channel_id: text(1, 255).optional() }).optional() })
    .optional(),
  /** Engine extension: a batch from someone else stops the agent's reply before its first bubble. */
  interruptible: bool.optional(),
});

/** An `open_thread` request as sent: omit `thread_id` to mint a thread, pass one to (re)open it. */
export type OpenThreadRequest = z.input<typeof openThreadSchema>;

export const messageSchema = z.object({
  sender: text(1, 255),
  content: text(1, 4000),
  client_ts: clientTs.optional(),
  has_media: bool.optional(),
});

export const submitMessagesSchema = z.object({
  thread_id: threadId,
  messages: z.array(messageSchema).min(1).max(20),
  system_prompt: systemPrompt.optional(),
  skip_decide: bool.optional(),
  agent_name: agentName.optional(),
  /** Engine extension: answer with the decision's score and weighted reasons (the hosted service has none). */
  include_reasons: bool.optional(),
});
export type SubmitMessagesInput = z.infer<typeof submitMessagesSchema>;
/** A `submit_messages` request as sent. */
export type SubmitMessagesRequest = z.input<typeof submitMessagesSchema>;
export type InboundMessage = z.input<typeof messageSchema>;

export const pacingSchema = z.object({
  reading_delay_ms: z.number().gte(0).lte(30_000).optional(),
  typing_wpm: z.number().gt(0).lte(2000).optional(),
  max_typing_ms: z.number().gt(0).lte(60_000).optional(),
});

/** Nesting depth of a JSON value, walked without recursion so any depth is safe to measure. */
export function jsonDepth(value: unknown, stopAt = Number.POSITIVE_INFINITY): number {
  let deepest = 0;
  const stack: [unknown, number][] = [[value, 1]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (typeof node !== "object" || node === null) continue;
    if (depth > deepest) deepest = depth;
    if (deepest > stopAt) return deepest;
    for (const child of Object.values(node)) stack.push([child, depth + 1]);
  }
  return deepest;
}

export const metadataSchema = z
  .record(z.string(), z.unknown())
  .refine((m) => jsonDepth(m, METADATA_MAX_DEPTH) <= METADATA_MAX_DEPTH, {
    error: `must be nested at most ${METADATA_MAX_DEPTH} levels deep`,
    abort: true,
  })
  .refine((m) => new TextEncoder().encode(JSON.stringify(m)).length <= 4096, {
    error: "must be at most 4096 bytes serialized",
  });

export const respondSchema = z.object({
  thread_id: threadId,
  content: text(1, 4000),
  turn_epoch: int32.gte(-INT32_MAX - 1),
  system_prompt: systemPrompt.optional(),
  agent_name: agentName.optional(),
  pacing: pacingSchema.optional(),
  metadata: metadataSchema.optional(),
});
export type RespondInput = z.infer<typeof respondSchema>;
/** A `respond` request as sent; `metadata` is echoed on every `turn_taking.message` frame. */
export type RespondRequest = z.input<typeof respondSchema>;
export type Pacing = z.input<typeof pacingSchema>;

export const recordEventSchema = z.object({
  thread_id: threadId,
  type: z.enum(["typing_start", "typing_stop", "message_edited"]),
  sender: text(1, 255),
  client_ts: clientTs.optional(),
});

/** A `record_event` request as sent. */
export type RecordEventRequest = z.input<typeof recordEventSchema>;
export type ThreadEventType = RecordEventRequest["type"];

export const emptySchema = z.object({});
export const decisionsProjectionSchema = z.object({
  thread_id: threadId,
  /** Only decisions from this turn epoch on (a review of recent turns need not read a thread's whole past). */
  from_epoch: int32.gte(0).optional(),
  /** Only decisions up to this turn epoch (an export reads a thread a page at a time). */
  to_epoch: int32.gte(0).optional(),
});

/** Turns one replay may decide: a bound on the work (and the body) of one call. */
export const REPLAY_MAX_TURNS = 500;
export const REPLAY_MAX_LINES = 5000;

/**
 * Engine extension: re-run the decision model for one agent over a transcript, as if each
 * listed line had just arrived (the lines before it are the history). Nothing is stored,
 * nothing billed, no thread is touched: the what-if replay of the transcript review.
 */
export const replaySchema = z.object({
  agent_name: agentName,
  system_prompt: systemPrompt.optional(),
  /** Oldest first. A line is the agent's own when `self` is true or its sender is the agent's name. */
  transcript: z
    .array(z.object({ sender: text(1, 255), content: text(1, 4000), ts: clientTs, self: bool.optional() }))
    .min(1)
    .max(REPLAY_MAX_LINES),
  /** Each turn decides on `transcript[index]`, with the lines before it as history. */
  turns: z
    .array(z.object({ id: text(1, 255), index: int32.gte(0) }))
    .min(1)
    .max(REPLAY_MAX_TURNS),
});
export type ReplayInput = z.infer<typeof replaySchema>;
/** A `replays` request as sent. */
export type ReplayRequest = z.input<typeof replaySchema>;

// ── responses ────────────────────────────────────────────────────────────────

export type Decision = "speak" | "stay_silent";

// ── whoami ────────────────────────────────────────────────────────────────────

export interface WhoamiResponse {
  user_id: string;
}

// ── open_thread ───────────────────────────────────────────────────────────────

export interface Thread {
  id: string;
  user_id: string;
  created_at: string;
  updated_at: string;
}

export interface RealtimeGrant {
  /** Opaque; valid for new connections for ~30 s. Safe to hand to a browser. */
  connect_url: string;
  expires_at: string;
}

export interface OpenThreadResponse {
  thread: Thread;
  channel: string;
  realtime: RealtimeGrant;
}

// ── submit_messages (1 credit) ────────────────────────────────────────────────

/** A bubble of the agent's reply that this batch cancelled before it was delivered. */
export interface InterruptedBubble {
  /** The `scheduled[].id` from `respond`. */
  id: string;
  position: number;
}

export interface SubmitMessagesResponse {
  decision: Decision;
  turn_epoch: number;
  tags: string[];
  /** Always `""` on the hosted service (social memory); optional so older servers still parse. */
  recalled_context?: string;
  /** Engine extension, on interruptible threads only: the pending bubbles this batch cancelled. */
  interrupted?: InterruptedBubble[];
  /** Engine extension, when `include_reasons` was asked and a decision was made: its score and reasons. */
  score?: number;
  reasons?: DecisionReason[];
}

// ── respond (2 credits; free when superseded) ─────────────────────────────────

export interface ScheduledMessage {
  id: string;
  thread_id: string;
  content: string;
  position: number;
  deliver_at: string;
  status: string;
  created_at: string;
  updated_at: string;
}

export interface RespondResponse {
  scheduled: ScheduledMessage[];
  /** A stale draft is normal, not an error: nothing scheduled, nothing billed. */
  superseded: boolean;
}

// ── record_event (free) ───────────────────────────────────────────────────────

export interface RecordEventResponse {
  tags: string[];
}

// ── credits usage summary ─────────────────────────────────────────────────────

export interface UsageSummaryResponse {
  total_calls: number;
  total_credits: number;
  per_component: { component: string; calls: number; credits: number }[];
  /** Seven entries, "Mon".."Sun", over the last 30 days. */
  daily_series: { date: string; requests: number }[];
}

// ── decisions projection (engine extension) ───────────────────────────────────

export interface DecisionReason {
  factor: string;
  weight: number;
  detail?: string;
}

export interface DecisionRecord {
  turn_epoch: number;
  decision: Decision;
  score: number;
  reasons: DecisionReason[];
  tags: string[];
  billed: boolean;
  agent_name: string | null;
  created_at: string;
}

export interface DecisionsResponse {
  thread_id: string;
  decisions: DecisionRecord[];
}

// ── replays (engine extension) ────────────────────────────────────────────────

export interface ReplayedDecision {
  /** the turn's `id` as sent */
  id: string;
  decision: Decision;
  score: number;
  reasons: DecisionReason[];
}

export interface ReplayResponse {
  decisions: ReplayedDecision[];
}
