import type { ModelMessage } from "ai";

export interface AgentPromptInput {
  name: string;
  /** Short profile: role, tone, expertise ("Support engineer. Friendly, concise. Expertise: billing."). */
  persona?: string | null;
  /** The agent's own instructions, written by whoever set the agent up. */
  systemPrompt?: string | null;
  roomName?: string | null;
  otherParticipants?: readonly string[];
}

export interface TranscriptLine {
  sender: string;
  content: string;
  /** True for the agent's own earlier messages. */
  self: boolean;
}

/** How much of the room a model sees; older lines rarely change the next reply. */
export const TRANSCRIPT_LIMIT = 40;

/**
 * The agent's system prompt. The offline model reads it too ("You are NAME",
 * "Your persona:", "Others here:"), so the fixed chat rules below avoid
 * role and tone words that would colour every persona.
 */
export function agentSystemPrompt({
  name,
  persona,
  systemPrompt,
  roomName,
  otherParticipants = [],
}: AgentPromptInput): string {
  const others = otherParticipants.filter((other) => other.trim() && other !== name);
  return [
    `You are ${name}, taking part in a group chat${roomName ? ` called "${roomName}"` : ""}.`,
    persona?.trim() ? `Your persona: ${persona.trim()}` : null,
    others.length ? `Others here: ${others.join(", ")}` : null,
    systemPrompt?.trim() || null,
    [
      "Chat rules:",
      "- Write the way a person types in a group chat: one to three sentences, plain text, no lists or headings.",
      `- Do not start your message with your name or a "${name}:" prefix; the chat already shows who is speaking.`,
      "- When you answer someone, address them by name.",
      '- Messages from others appear as "Name: text".',
      "- Stay in character. If you do not know something, say so instead of making it up.",
    ].join("\n"),
  ]
    .filter((part): part is string => part !== null)
    .join("\n\n");
}

/** The room as AI SDK messages: the agent's own lines as assistant turns, everyone else's as "Sender: text". */
export function transcriptMessages(
  lines: readonly TranscriptLine[],
  limit = TRANSCRIPT_LIMIT,
): ModelMessage[] {
  return lines
    .slice(-limit)
    .filter((line) => line.content.trim())
    .map(
      (line): ModelMessage =>
        line.self
          ? { role: "assistant", content: line.content }
          : { role: "user", content: `${line.sender}: ${line.content}` },
    );
}

/** Stands in for the conversation when nobody has said anything yet (a stage direction, not a user's words). */
export const EMPTY_ROOM_NUDGE = "(Nobody has said anything yet. Open the conversation with a short hello.)";
