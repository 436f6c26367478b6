// Text plumbing shared by every factor: one normalisation (case, accents,
// curly quotes) so "Lucía", "lucia" and "LUCIA" compare equal, and one
// tokenizer that keeps emoji as tokens because "👍" is a whole message.

import { memoize } from "./memo";

const COMBINING_MARKS = /\p{M}+/gu;
const TOKEN = /[\p{L}\p{N}]+(?:'[\p{L}]+)*|\p{Extended_Pictographic}/gu;
const EMOJI = /\p{Extended_Pictographic}/u;

/** Lower case, accents stripped, typographic quotes folded to ASCII. */
export const normalizeText: (text: string) => string = memoize((text) =>
  text
    .normalize("NFKD")
    .replace(COMBINING_MARKS, "")
    .replace(/[’‘`´]/g, "'")
    .toLowerCase(),
);

/** Words (with inner apostrophes) and single emoji, from already normalised text. Shared: do not mutate. */
export const tokenize: (normalized: string) => readonly string[] = memoize(
  (normalized) => normalized.match(TOKEN) ?? [],
);

export function isEmoji(token: string): boolean {
  return EMOJI.test(token);
}

/** Sentences split on terminal punctuation and line breaks, trimmed, non-empty. */
export function splitSentences(text: string): string[] {
  return text
    .split(/(?<=[.!?])\s+|\n+/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

/** Escape a literal for use inside a RegExp. */
export function escapeRegExp(literal: string): string {
  return literal.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
