import type { LanguageModelV3Prompt } from "@ai-sdk/provider";
import { normalizeQuotes } from "./text";

export interface Utterance {
  role: "user" | "assistant";
  /** From a "Name: text" line; null when the line has no sender prefix. */
  sender: string | null;
  text: string;
}

export interface Conversation {
  system: string;
  utterances: Utterance[];
  /** The last thing someone other than the agent said: what the reply answers. */
  last: Utterance | null;
  /** Every prompt word, for the usage estimate. */
  allText: string;
}

// Prefixes that look like "Sender:" but are labels people type inside a message.
const NOT_SENDERS = new Set([
  "note",
  "update",
  "question",
  "answer",
  "fyi",
  "ps",
  "todo",
  "edit",
  "re",
  "tip",
  "warning",
  "error",
  "q",
  "a",
  "step",
  "example",
  "result",
  "context",
  "summary",
  "http",
  "https",
]);

const SENDER_LINE = /^\s*([\p{L}][\p{L}\p{N} .'_-]{0,39}?)\s*:\s+(\S.*)$/u;

function isSenderName(candidate: string): boolean {
  const words = candidate.split(" ");
  if (NOT_SENDERS.has(words[0]!.toLowerCase())) return false;
  // Display names are short; lowercase multi-word prefixes are usually prose ("so the thing is: …").
  return words.length <= 2 || (words.length <= 4 && /^\p{Lu}/u.test(candidate));
}

/** Splits a transcript chunk into "Name: text" utterances; unprefixed lines continue the previous one. */
export function parseSenderLines(text: string): { sender: string | null; text: string }[] {
  const entries: { sender: string | null; text: string }[] = [];
  for (const line of normalizeQuotes(text).split(/\r?\n/)) {
    if (!line.trim()) continue;
    const match = line.match(SENDER_LINE);
    const sender = match?.[1]?.trim();
    if (match && sender && isSenderName(sender)) {
      entries.push({ sender, text: match[2]!.trim() });
    } else if (entries.length > 0) {
      const previous = entries.at(-1)!;
      previous.text = `${previous.text}\n${line.trim()}`;
    } else {
      entries.push({ sender: null, text: line.trim() });
    }
  }
  return entries;
}

/** A message wrapped in parentheses is a stage direction ("(The room is quiet.)"), not something said. */
export function isStageDirection(text: string): boolean {
  return /^\(.*\)$/s.test(text.trim());
}

/** Flattens the V3 prompt into a readable conversation; files, tools and reasoning are ignored. */
export function readConversation(prompt: LanguageModelV3Prompt): Conversation {
  const system: string[] = [];
  const utterances: Utterance[] = [];
  const all: string[] = [];
  for (const message of prompt) {
    if (message.role === "system") {
      system.push(message.content);
      all.push(message.content);
      continue;
    }
    if (message.role !== "user" && message.role !== "assistant") continue;
    const text = message.content
      .map((part) => (part.type === "text" ? part.text : ""))
      .join("\n")
      .trim();
    if (!text) continue;
    all.push(text);
    if (message.role === "assistant") {
      utterances.push({ role: "assistant", sender: null, text });
      continue;
    }
    for (const entry of parseSenderLines(text)) utterances.push({ role: "user", ...entry });
  }
  const last = [...utterances].reverse().find((u) => u.role === "user") ?? null;
  return { system: system.join("\n"), utterances, last, allText: all.join("\n") };
}
