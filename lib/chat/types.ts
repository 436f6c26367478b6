// Shapes the browser and the chat route handlers share. No secrets here, ever.

export interface RoomSummary {
  id: string;
  name: string;
  isDemo: boolean;
  role: "owner" | "member";
  agentCount: number;
  memberCount: number;
  lastMessage: { senderName: string; content: string; createdAt: string } | null;
}

export interface AgentDTO {
  id: string;
  name: string;
  color: string;
  persona: string;
  systemPrompt: string;
  modelId: string;
  modelLabel: string;
  typingWpm: number;
  readingDelayMs: number;
  maxTypingMs: number;
  forwardness: number;
}

export interface MemberDTO {
  userId: string;
  name: string;
  role: "owner" | "member";
  online: boolean;
}

export interface ChatMessageDTO {
  id: string;
  seq: number;
  authorType: "user" | "agent" | "system";
  userId: string | null;
  agentId: string | null;
  senderName: string;
  content: string;
  /** For agent bubbles: the bubble's key (lib/chat/bubble-key.ts), also known from the agent's socket. */
  deliveryId: string | null;
  replyKey: string | null;
  position: number | null;
  createdAt: string;
  /** When the author last edited it; null if never. */
  editedAt: string | null;
}

export interface RoomDetail {
  id: string;
  name: string;
  inviteUrl: string;
  isDemo: boolean;
  role: "owner" | "member";
  me: { userId: string; name: string };
  agents: AgentDTO[];
  members: MemberDTO[];
  messages: ChatMessageDTO[];
  turnTakingMode: "embedded" | "hosted";
  budget: BudgetDTO;
}

/** Turn-taking credits spent this hour against the room's and the viewer's budgets. */
export interface BudgetDTO {
  roomUsed: number;
  roomLimit: number;
  accountUsed: number;
  accountLimit: number;
  resetsAt: string;
}

/** Server-sent events on GET /api/rooms/[id]/stream?after=SEQ */
export type RoomStreamEvent =
  | { type: "message"; message: ChatMessageDTO }
  | { type: "message_updated"; message: ChatMessageDTO }
  | { type: "message_deleted"; id: string }
  | { type: "typing"; userId: string; name: string; typing: boolean }
  | { type: "presence"; members: MemberDTO[] }
  | { type: "agents"; agents: AgentDTO[] }
  | { type: "room"; name: string }
  | { type: "notice"; level: "info" | "warning"; message: string }
  | { type: "budget"; roomUsed: number; roomLimit: number }
  /** A member was removed by the owner; their own stream ends after this event. */
  | { type: "removed"; userId: string };

export interface AgentConnectGrant {
  agentId: string;
  threadId: string;
  connectUrl: string;
  expiresAt: string;
}

/** The error body of every chat route handler. */
export interface ChatErrorBody {
  error: { code: string; message: string; fields?: Record<string, string> };
}
