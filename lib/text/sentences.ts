// Sentence boundaries, the one implementation for the whole app. A boundary is
// terminal punctuation followed by whitespace and a character that can start
// a sentence; everything else (decimals, versions, URLs, `code.spans`) has no
// whitespace after its dot. Splits happen only at whitespace, so no word is
// ever cut. Written text (drafts, the offline model's replies) keeps "approx.
// ten" together because a lower-case word continues the sentence; chat text
// (`{ chat: true }`) starts sentences in lower case too, and a line break ends
// one.

const BOUNDARY = /([.!?…]+)(["'”’)\]»]*)(\s+)/g;
const OPENING_PUNCTUATION = /^["'“‘([{«¿¡]+/u;

// Abbreviations whose dot never ends a sentence.
const ABBREVIATIONS = new Set([
  "mr",
  "mrs",
  "ms",
  "mx",
  "dr",
  "prof",
  "sr",
  "jr",
  "st",
  "mt",
  "vs",
  "e.g",
  "i.e",
  "cf",
  "viz",
  "al",
  "approx",
  "ca",
  "dept",
  "est",
  "gen",
  "gov",
  "lt",
  "col",
  "sgt",
  "capt",
  "rev",
  "hon",
]);

// Abbreviations that only read as such before a number ("No. 5", "Jan. 3").
const ABBREVIATIONS_BEFORE_NUMBER = new Set([
  "no",
  "nos",
  "nr",
  "p",
  "pp",
  "vol",
  "ch",
  "sec",
  "art",
  "fig",
  "eq",
  "ver",
  "v",
  "jan",
  "feb",
  "mar",
  "apr",
  "jun",
  "jul",
  "aug",
  "sep",
  "sept",
  "oct",
  "nov",
  "dec",
]);

export interface SplitOptions {
  /** chat text: a lower-case word may start a sentence, and a line break ends one */
  chat?: boolean;
}

export function splitSentences(text: string, options: SplitOptions = {}): string[] {
  if (options.chat) return text.split(/\n+/).flatMap((line) => splitLine(line, true));
  return splitLine(text, false);
}

function splitLine(text: string, chat: boolean): string[] {
  const sentences: string[] = [];
  let start = 0;
  for (const match of text.matchAll(BOUNDARY)) {
    const punctuation = match[1]!;
    const end = match.index + punctuation.length + match[2]!.length;
    const nextStart = end + match[3]!.length;
    if (nextStart >= text.length) break;
    const next = String.fromCodePoint(text.codePointAt(nextStart)!);
    if (!isBoundary(text.slice(start, match.index), punctuation, next, chat)) continue;
    pushTrimmed(sentences, text.slice(start, end));
    start = nextStart;
  }
  pushTrimmed(sentences, text.slice(start));
  return sentences;
}

function isBoundary(before: string, punctuation: string, next: string, chat: boolean): boolean {
  // An ellipsis trails off mid-thought ("Well... I guess"), it does not end one.
  if (punctuation.includes("…") || punctuation.includes("..")) return false;
  // In written text a lowercase continuation means the dot belonged to something else ("approx. ten").
  if (!chat && /\p{Ll}/u.test(next)) return false;
  if (punctuation === ".") {
    const word = lastWord(before);
    if (isAbbreviation(word, next)) return false;
  }
  return true;
}

function lastWord(text: string): string {
  const words = text.split(/\s+/);
  return (words[words.length - 1] ?? "").replace(OPENING_PUNCTUATION, "");
}

function isAbbreviation(word: string, next: string): boolean {
  const lower = word.toLowerCase();
  if (ABBREVIATIONS.has(lower)) return true;
  if (ABBREVIATIONS_BEFORE_NUMBER.has(lower) && /\p{N}/u.test(next)) return true;
  // An initial ("J. Smith") or a dotted acronym ("U.S.", "e.g.").
  return /^\p{Lu}$/u.test(word) || /^(?:\p{L}\.)+\p{L}$/u.test(word);
}

function pushTrimmed(into: string[], sentence: string): void {
  const trimmed = sentence.trim();
  if (trimmed !== "") into.push(trimmed);
}
