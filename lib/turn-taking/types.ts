// Wire shapes of the Turn-taking API (spec/turn-taking-api.md), snake_case exactly as sent and
// received, so a request is the JSON body as-is. Engine extensions are marked; the hosted
// service ignores unknown request fields, so sending them is always safe.

export type Decision = "speak" | "stay_silent";

// ── whoami ────────────────────────────────────────────────────────────────────

export interface WhoamiResponse {
  user_id: string;
}

// ── open_thread ───────────────────────────────────────────────────────────────

export interface OpenThreadRequest {
  /** UUID; omit to mint a new thread, pass a known one to re-open it for a fresh grant. */
  thread_id?: string;
  integrations?: {
    /** `{}` enables behavioural signals; `channel_id` defaults to the thread id. */
    social_signals?: { channel_id?: string };
  };
  /**
   * Engine extension: someone else speaking before the agent's first bubble cancels the
   * reply (see `SubmitMessagesResponse.interrupted`). Kept by a re-open that omits it.
   */
  interruptible?: boolean;
}

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

export interface InboundMessage {
  sender: string;
  content: string;
  client_ts?: string;
  has_media?: boolean;
}

export interface SubmitMessagesRequest {
  thread_id: string;
  /** 1–20 messages. */
  messages: InboundMessage[];
  system_prompt?: string;
  skip_decide?: boolean;
  /** Engine extension: the agent's name, so the decider knows when it is addressed. */
  agent_name?: string;
}

export interface SubmitMessagesResponse {
  decision: Decision;
  turn_epoch: number;
  tags: string[];
  /** Always "" here (social memory is outside this product); optional for older servers. */
  recalled_context?: string;
  /** Engine extension, on interruptible threads: the agent's pending bubbles this batch cancelled. */
  interrupted?: { id: string; position: number }[];
}

// ── respond (2 credits; free when superseded) ─────────────────────────────────

export interface Pacing {
  reading_delay_ms?: number;
  typing_wpm?: number;
  max_typing_ms?: number;
}

export interface RespondRequest {
  thread_id: string;
  /** The draft, 1–4000 chars; rewritten into 1–5 bubbles. */
  content: string;
  /** The epoch from the decision this draft answers; behind the thread's → superseded. */
  turn_epoch: number;
  system_prompt?: string;
  agent_name?: string;
  pacing?: Pacing;
  /** Echoed on every `turn_taking.message` frame; ≤4096 bytes serialized. */
  metadata?: Record<string, unknown>;
}

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

export type ThreadEventType = "typing_start" | "typing_stop" | "message_edited";

export interface RecordEventRequest {
  thread_id: string;
  type: ThreadEventType;
  sender: string;
  client_ts?: string;
}

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

// ── realtime frames ───────────────────────────────────────────────────────────

/** First frame on a socket; not wrapped in the envelope. */
export interface AttachedFrame {
  type: "attached";
  channel: string;
  server_time: string;
}

interface FrameEnvelope<T extends string, D> {
  /** `evt_<32 hex>`; identical across sockets and reconnects, hence the de-duplication key. */
  id: string;
  type: T;
  channel: string;
  ts: string;
  data: D;
}

export type TypingFrame = FrameEnvelope<"turn_taking.typing", { thread_id: string; typing: boolean }>;

export type MessageFrame = FrameEnvelope<
  "turn_taking.message",
  {
    /** Delivery UUID, distinct from `scheduled[].id`. */
    message_id: string;
    thread_id: string;
    content: string;
    position: number;
    sent_at: string;
    /** `respond.metadata`, or null when none was sent. */
    metadata: Record<string, unknown> | null;
  }
>;

export type SignalFrame = FrameEnvelope<
  "turn_taking.signal",
  {
    thread_id: string;
    user_id: string;
    /** Open vocabulary; only with `social_signals` on. */
    kind: string;
  }
>;

export type TurnTakingFrame = TypingFrame | MessageFrame | SignalFrame;
export type TurnTakingFrameType = TurnTakingFrame["type"];
