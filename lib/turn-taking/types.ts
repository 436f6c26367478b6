// Wire shapes of the Turn-taking API (spec/turn-taking-api.md), snake_case exactly as sent and
// received, so a request is the JSON body as-is. Requests and responses come from the shared
// contract (lib/contract/turn-taking.ts); the realtime frames are described here.

export type {
  Decision,
  DecisionReason,
  DecisionRecord,
  DecisionsResponse,
  InboundMessage,
  InterruptedBubble,
  OpenThreadRequest,
  OpenThreadResponse,
  Pacing,
  RealtimeGrant,
  RecordEventRequest,
  RecordEventResponse,
  ReplayedDecision,
  ReplayRequest,
  ReplayResponse,
  RespondRequest,
  RespondResponse,
  ScheduledMessage,
  SubmitMessagesRequest,
  SubmitMessagesResponse,
  Thread,
  ThreadEventType,
  UsageSummaryResponse,
  WhoamiResponse,
} from "../contract/turn-taking";

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
