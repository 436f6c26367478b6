import { TOPIC_STOPWORDS as STOP_WORDS } from "@/lib/text/stopwords";
import { normalizeQuotes } from "./text";

export interface Topic {
  /** A short noun phrase from the message, ready for a template ("the checkout screen", "logging in"). */
  phrase: string;
  /** Lowercased content words, in order of appearance. */
  words: string[];
}

// Phrasal verbs read better as gerunds: "I can't log in" → "logging in".
const PARTICLE_VERBS: Record<string, string> = {
  log: "logging",
  sign: "signing",
  set: "setting",
  start: "starting",
  back: "backing",
};

const DETERMINERS = /^(the|a|an|this|that|these|those|my|your|our|their)$/;

interface Token {
  text: string;
  lower: string;
  start: number;
  end: number;
}

function tokenize(text: string): Token[] {
  return [...text.matchAll(/[\p{L}\p{N}][\p{L}\p{N}'_-]*/gu)].map((m) => ({
    text: m[0].replace(/'s$/, ""),
    lower: m[0].toLowerCase().replace(/'s$/, ""),
    start: m.index,
    end: m.index + m[0].length,
  }));
}

function isContent(token: Token, exclude: Set<string>, text: string): boolean {
  if (exclude.has(token.lower) || STOP_WORDS.has(token.lower)) return false;
  // "@Sam" and a leading "Maya, …" are people being addressed, not the topic.
  if (text[token.start - 1] === "@") return false;
  if (token.start === text.search(/\S/) && /^\p{Lu}/u.test(token.text) && text[token.end] === ",")
    return false;
  if (/^\d+$/.test(token.lower)) return false;
  // Acronyms like UI, QA, DB count even though they are short.
  return token.lower.length >= 3 || /^\p{Lu}{2,}$/u.test(token.text);
}

/** Finds what a message is about, or null when it has no content words (e.g. "what do you think?"). */
export function extractTopic(rawText: string, excludeNames: readonly string[] = []): Topic | null {
  const text = normalizeQuotes(rawText);
  const exclude = new Set(excludeNames.flatMap((n) => n.toLowerCase().split(/\s+/)));
  const tokens = tokenize(text);
  const content = tokens.map((t) => isContent(t, exclude, text));
  const words = [...new Set(tokens.filter((_, i) => content[i]).map((t) => t.lower))];
  if (words.length === 0) return null;

  // The longest run of adjacent content words is usually the noun phrase ("password reset emails");
  // one after a determiner ("the beta") gets a bonus because it is almost certainly a noun.
  let best: [number, number] = [0, -1];
  let bestScore = 0;
  for (let i = 0; i < tokens.length; i++) {
    if (!content[i]) continue;
    let j = i;
    while (
      j + 1 < tokens.length &&
      content[j + 1] &&
      /^[\s-]*$/.test(text.slice(tokens[j]!.end, tokens[j + 1]!.start))
    )
      j++;
    const nounLike = DETERMINERS.test(tokens[i - 1]?.lower ?? "") || isPhrasalVerb(tokens, j);
    const score = Math.min(j - i + 1, 3) + (nounLike ? 1 : 0);
    if (score > bestScore) [best, bestScore] = [[i, j], score];
    i = j;
  }
  const [from, to] = [Math.max(best[0], best[1] - 2), best[1]];
  return { phrase: toPhrase(tokens, from, to, text), words };
}

function isPhrasalVerb(tokens: Token[], index: number): boolean {
  const verb = tokens[index]!.lower;
  return Boolean(PARTICLE_VERBS[verb]) && /^(in|out|up|on)$/.test(tokens[index + 1]?.lower ?? "");
}

function toPhrase(tokens: Token[], from: number, to: number, text: string): string {
  const run = tokens.slice(from, to + 1);
  const next = tokens[to + 1];
  const last = run.at(-1)!;
  if (run.length === 1 && isPhrasalVerb(tokens, to)) return `${PARTICLE_VERBS[last.lower]} ${next!.lower}`;
  const words = run.map((t, i) => {
    const sentenceStart = i === 0 && (t.start === 0 || /[.!?]\s*$/.test(text.slice(0, t.start)));
    // Keep acronyms and names as typed; lowercase a capital that is only there because a sentence starts.
    return sentenceStart && /^\p{Lu}\p{Ll}/u.test(t.text) ? t.lower : t.text;
  });
  const phrase = words.join(" ").slice(0, 60);
  const before = tokens[from - 1]?.lower;
  // Keep the speaker's point of view straight: "my password" is "your password" to the one replying.
  if (before === "my") return `your ${phrase}`;
  if (before === "your") return `my ${phrase}`;
  if (before === "our" || before === "their") return `${before} ${phrase}`;
  if (before && DETERMINERS.test(before)) return `the ${phrase}`;
  // Bare gerunds ("caching") and single proper nouns ("Stripe") read wrong with an article.
  if (/ing$/.test(run[0]!.lower) || (run.length === 1 && /^\p{Lu}/u.test(words[0]!))) return phrase;
  return `the ${phrase}`;
}
