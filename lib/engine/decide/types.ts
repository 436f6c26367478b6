// The decision model's public shapes. The engine calls a Decider once per
// inbound batch; every factor that moved the decision is reported by name so
// the transcript review can show why an agent spoke or kept quiet.

export interface ChatLine {
  sender: string;
  content: string;
  /** ms since the epoch */
  ts: number;
  /** true = a message this agent itself sent */
  self?: boolean;
}

export interface DecisionSignals {
  /** senders typing right now (typing_start without stop/send, recent) */
  typingNow: string[];
  /** a sender mid-burst: several messages in quick succession */
  burstSender?: string | null;
}

export interface DecisionInput {
  agentName: string | null;
  systemPrompt: string | null;
  /** earlier lines in this agent's thread, oldest first (other people, other agents, and this agent's own lines with self:true) */
  history: ChatLine[];
  /** the new inbound batch (1–20 lines) being decided on */
  batch: ChatLine[];
  now: number;
  signals?: DecisionSignals;
}

export interface DecisionReason {
  factor: string;
  weight: number;
  detail?: string;
}

export interface DecisionResult {
  decision: "speak" | "stay_silent";
  score: number;
  reasons: DecisionReason[];
}

export interface Decider {
  decide(input: DecisionInput): DecisionResult | Promise<DecisionResult>;
}
