// Text plumbing shared by the app: one normalisation (case, accents,
// curly quotes) so "Lucía", "lucia" and "LUCIA" compare equal, and one
// tokenizer that keeps emoji as tokens because "👍" is a whole message.

import { memoize } from "./memoize";

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
