import { escapeRegExp } from "@/lib/text/regexp";
import { DESCRIPTIVE, FUNCTION_WORDS, IDIOMS, VERB_NOUNS, VERBS } from "./lexicon";
import { normalizeQuotes, plainText } from "./text";

export interface Topic {
  /** A noun phrase from the message, ready for a template ("the checkout screen", "logging in", "Stripe"). */
  phrase: string;
  /** Lowercased nouns and modifiers of the message, in order of appearance. */
  words: string[];
}

type Role = "noun" | "modifier" | "verb" | "stop";

interface Token {
  text: string;
  lower: string;
  start: number;
  end: number;
  role: Role;
}

/** "Which font…": points at the topic like an article, but the reply does not repeat it. */
const WH_DETERMINERS = new Set(["which", "what", "whose"]);
const DETERMINERS = new Set([
  "the",
  "a",
  "an",
  "this",
  "that",
  "these",
  "those",
  "my",
  "your",
  "our",
  "their",
]);
const QUANTIFIERS = new Set(["any", "some", "no", "every", "each", "all", "more", "fewer"]);
const PREPOSITIONS = new Set([
  "on",
  "about",
  "for",
  "with",
  "of",
  "in",
  "at",
  "from",
  "into",
  "regarding",
  "re",
]);
const SUBJECTS = new Set(["i", "you", "we", "they", "he", "she", "it", "who"]);
const MODALS = new Set(
  `can could will would should must might may can't cannot won't wouldn't couldn't shouldn't don't doesn't
  didn't let's lets please to`.split(/\s+/),
);
const SOFTENERS = new Set(["not", "just", "also", "really", "still", "even", "never", "always", "actually"]);

// Phrasal verbs read as gerunds: "I can't log in" and "I got logged out" are about "logging in/out".
const PARTICLE_VERBS: Record<string, string> = {
  log: "logging",
  logged: "getting logged",
  logs: "logging",
  logging: "logging",
  sign: "signing",
  signed: "signing",
  signing: "signing",
  set: "setting",
  setting: "setting",
  check: "checking",
  checking: "checking",
};
const PARTICLES = /^(in|out|up|on)$/;

function tokenize(text: string, blocked: (start: number) => boolean): Token[] {
  return [...text.matchAll(/[\p{L}\p{N}][\p{L}\p{N}'_-]*/gu)].map((m) => {
    const raw = m[0].replace(/'s$/i, "");
    return {
      text: raw,
      lower: raw.toLowerCase(),
      start: m.index,
      end: m.index + m[0].length,
      role: blocked(m.index) ? "stop" : "noun",
    };
  });
}

/** Each idiom's pattern, built once: drafting ran every one through the RegExp constructor per call. */
const IDIOM_PATTERNS = IDIOMS.map((idiom) => ({
  needle: idiom.toLowerCase(),
  pattern: new RegExp(`(?<![\\p{L}\\p{N}'])${escapeRegExp(idiom)}(?![\\p{L}\\p{N}])`, "giu"),
}));

/** Character ranges covered by idioms ("never mind", "by the way"): none of their words is a topic. */
function idiomRanges(text: string): [number, number][] {
  const ranges: [number, number][] = [];
  const lower = text.toLowerCase();
  for (const { needle, pattern } of IDIOM_PATTERNS) {
    // Most idioms are not in a given line at all: a substring test rules them out cheaply.
    if (!lower.includes(needle)) continue;
    for (const m of text.matchAll(pattern)) ranges.push([m.index, m.index + m[0].length]);
  }
  return ranges;
}

const sentenceStart = (text: string, t: Token) => /(^|[.!?:;\n])\s*$/.test(text.slice(0, t.start));
const joined = (text: string, a: Token, b: Token) =>
  /^[\s-]*$/.test(text.slice(a.end, b.start)) && !text.slice(a.end, b.start).includes("\n");

function previousWord(tokens: Token[], i: number, text: string): Token | undefined {
  const prev = tokens[i - 1];
  // Punctuation between two words means the earlier one is in another clause.
  return prev && /^[\s]*$/.test(text.slice(prev.end, tokens[i]!.start)) ? prev : undefined;
}

/** Tags each word; anything unknown that is not shaped like a verb or adverb is taken as a noun. */
function tag(tokens: Token[], text: string, exclude: Set<string>): void {
  tokens.forEach((t, i) => {
    if (t.role === "stop") return;
    const prev = previousWord(tokens, i, text);
    const beforePrev = prev ? previousWord(tokens, i - 1, text) : undefined;
    const afterDeterminer = Boolean(
      prev && (DETERMINERS.has(prev.lower) || QUANTIFIERS.has(prev.lower) || prev.role === "modifier"),
    );
    const next = tokens[i + 1] && joined(text, t, tokens[i + 1]!) ? tokens[i + 1] : undefined;
    const nounNext = Boolean(next && !FUNCTION_WORDS.has(next.lower) && !VERBS.has(next.lower));
    // People being addressed or mentioned ("@Sam", "Maya, …") are not the topic.
    const addressed =
      text[t.start - 1] === "@" || (i === 0 && /^\p{Lu}/u.test(t.text) && /^\s*,/.test(text.slice(t.end)));
    if (addressed || exclude.has(t.lower) || FUNCTION_WORDS.has(t.lower)) t.role = "stop";
    else if (/^\d+$/.test(t.lower)) t.role = "stop";
    else if (t.lower.length < 3 && !/^\p{Lu}[\p{Lu}\p{N}]+$/u.test(t.text)) t.role = "stop";
    else if (
      DESCRIPTIVE.has(t.lower) ||
      (/ly$/.test(t.lower) && t.lower.length > 4) ||
      (/(ful|ous|less)$/.test(t.lower) && t.lower.length >= 6)
    )
      t.role = "modifier";
    // "the modal covers the save button", "my dog ate my headphones": a verb between subject and object.
    else if (prev?.role === "noun" && next && DETERMINERS.has(next.lower) && !afterDeterminer)
      t.role = "verb";
    else if (
      (prev && SUBJECTS.has(prev.lower)) ||
      (prev && MODALS.has(prev.lower) && !inverted(tokens, i - 1, text)) ||
      (prev &&
        SOFTENERS.has(prev.lower) &&
        beforePrev &&
        (SUBJECTS.has(beforePrev.lower) || MODALS.has(beforePrev.lower)))
    )
      t.role = afterDeterminer ? "noun" : "verb";
    else if (VERBS.has(t.lower))
      // "the build", "password reset emails": a verb's form used as a noun or inside a compound.
      t.role =
        afterDeterminer ||
        (prev?.role === "noun" &&
          VERB_NOUNS.has(t.lower) &&
          (nounNext || !next || !DETERMINERS.has(next.lower)))
          ? "noun"
          : "verb";
    else if (/ed$/.test(t.lower) && t.lower.length >= 5)
      t.role = afterDeterminer && nounNext ? "modifier" : "verb";
    else if (/ing$/.test(t.lower) && t.lower.length >= 5) {
      // A gerund is a thing after "the"/"about" ("thoughts on caching") or before a noun ("billing page").
      const thing =
        afterDeterminer || (prev && PREPOSITIONS.has(prev.lower)) || nounNext || (!prev && i === 0);
      t.role = thing ? "noun" : "verb";
    }
  });
}

/** "How should error messages…", "Should the…": a modal that opens a question is followed by its subject. */
function inverted(tokens: Token[], modal: number, text: string): boolean {
  const before = tokens[modal - 1];
  return (
    sentenceStart(text, tokens[modal]!) ||
    Boolean(before && /^(how|what|why|when|where|which|who)$/.test(before.lower))
  );
}

interface Candidate {
  from: number;
  to: number;
  score: number;
  phrasal?: string;
}

/** Finds what a message is about, or null when it names nothing (e.g. "never mind, it works now"). */
export function extractTopic(rawText: string, excludeNames: readonly string[] = []): Topic | null {
  const text = plainText(normalizeQuotes(rawText));
  const ranges = idiomRanges(text);
  const tokens = tokenize(text, (start) => ranges.some(([a, b]) => start >= a && start < b));
  const exclude = new Set(excludeNames.flatMap((n) => n.toLowerCase().split(/\s+/)));
  tag(tokens, text, exclude);

  const candidates: Candidate[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const particle = tokens[i + 1];
    if (
      PARTICLE_VERBS[t.lower] &&
      t.role !== "stop" &&
      particle &&
      joined(text, t, particle) &&
      PARTICLES.test(particle.lower) &&
      !(t.role === "noun" && i > 0 && DETERMINERS.has(tokens[i - 1]!.lower))
    ) {
      // "set up SSO" keeps its object: "setting up SSO".
      let end = i + 1;
      while (end < i + 3 && tokens[end + 1]?.role === "noun" && joined(text, tokens[end]!, tokens[end + 1]!))
        end++;
      const object = tokens
        .slice(i + 2, end + 1)
        .map((w) => w.text)
        .join(" ");
      const phrasal = `${PARTICLE_VERBS[t.lower]} ${particle.lower}${object ? ` ${object}` : ""}`;
      candidates.push({ from: i, to: end, score: 4, phrasal });
      i = end;
      continue;
    }
    if (t.role !== "noun") continue;
    // Extend left over modifiers and nouns joined to this one, right over further nouns.
    let from = i;
    while (from > 0 && tokens[from - 1]!.role === "noun" && joined(text, tokens[from - 1]!, tokens[from]!))
      from--;
    let to = i;
    while (
      to + 1 < tokens.length &&
      tokens[to + 1]!.role === "noun" &&
      joined(text, tokens[to]!, tokens[to + 1]!)
    )
      to++;
    i = to;
    // "Does the sidebar collapse on tablets?": after an auxiliary and its subject, the last word is the verb.
    const aux = tokens[from - 2];
    if (
      to > from &&
      aux &&
      /^(do|does|did)$/.test(aux.lower) &&
      DETERMINERS.has(tokens[from - 1]!.lower) &&
      !["noun", "verb"].includes(tokens[to + 1]?.role ?? "")
    ) {
      tokens[to]!.role = "verb";
      to--;
    }
    from = Math.max(from, to - 2);
    let lead = from - 1;
    while (lead >= 0 && tokens[lead]!.role === "modifier" && joined(text, tokens[lead]!, tokens[lead + 1]!))
      lead--;
    const before = tokens[lead];
    const det = before && joined(text, before, tokens[lead + 1]!) && DETERMINERS.has(before.lower);
    const prep = before && joined(text, before, tokens[lead + 1]!) && PREPOSITIONS.has(before.lower);
    const wh = before && joined(text, before, tokens[lead + 1]!) && WH_DETERMINERS.has(before.lower);
    // The sentence's subject ("Notifications stopped arriving…") is usually what it is about.
    const subject = !wh && sentenceStart(text, tokens[det ? lead : lead + 1]!);
    // The object right after a verb ("grab tacos on friday") is what the line is about.
    const object = before?.role === "verb" && joined(text, before, tokens[lead + 1]!);
    const proper = tokens.slice(from, to + 1).some((w) => /^\p{Lu}/u.test(w.text) && !sentenceStart(text, w));
    const score =
      Math.min(to - from + 1, 3) +
      (det || wh ? 2 : 0) +
      (prep ? 1 : 0) +
      (proper ? 1 : 0) +
      (subject ? 2 : 0) +
      (object ? 1 : 0);
    candidates.push({ from, to, score });
  }
  const words = [
    ...new Set(tokens.filter((t) => t.role === "noun" || t.role === "modifier").map((t) => t.lower)),
  ];
  const best = candidates.reduce<Candidate | null>((a, c) => (!a || c.score > a.score ? c : a), null);
  if (!best) return null;
  return { phrase: best.phrasal ?? toPhrase(tokens, best, text), words };
}

function toPhrase(tokens: Token[], { from, to }: Candidate, text: string): string {
  const run = tokens.slice(from, to + 1);
  const phrase = run
    .map((t, i) =>
      // Keep acronyms and names as typed; lowercase a capital that is only there because a sentence starts.
      i === 0 && sentenceStart(text, t) && /^\p{Lu}\p{Ll}/u.test(t.text) ? t.lower : t.text,
    )
    .join(" ")
    .slice(0, 60);
  let lead = from - 1;
  while (lead >= 0 && tokens[lead]!.role === "modifier") lead--;
  const before = tokens[lead]?.lower;
  // Keep the speaker's point of view straight: "my password" is "your password" to the one replying.
  if (before === "my") return `your ${phrase}`;
  if (before === "your") return `my ${phrase}`;
  if (before === "our" || before === "their") return `${before} ${phrase}`;
  // "a picnic" stays "a picnic"; "this bug" and "those tests" read as "the" in a reply.
  if (before === "a" || before === "an") return `${before} ${phrase}`;
  if (before && (DETERMINERS.has(before) || WH_DETERMINERS.has(before))) return `the ${phrase}`;
  return phrase;
}
