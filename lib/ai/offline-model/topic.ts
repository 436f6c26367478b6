import { normalizeQuotes } from "./text";

export interface Topic {
  /** A short noun phrase from the message, ready for a template ("the checkout screen", "logging in"). */
  phrase: string;
  /** Lowercased content words, in order of appearance. */
  words: string[];
}

// Function words, chat filler, intent words and generic verbs: none of them say what a message is about.
const STOP_WORDS = new Set(
  `a about above after again against all also am an and any anyone anything are aren't around as at be because
  been before being below between both but by can can't cannot could couldn't did didn't do does doesn't doing
  don't down during each else even ever every everyone everything few for from further had hadn't has hasn't have
  haven't having he he'd he'll he's her here here's hers herself him himself his how how's i i'd i'll i'm i've if
  in into is isn't it it's its itself just let let's lets me more most much must mustn't my myself no nor not now
  of off on once only or other ought our ours ourselves out over own same shan't she she'd she'll she's should
  shouldn't so some someone something such than that that's the their theirs them themselves then there there's
  these they they'd they'll they're they've this those through to too under until up upon us very was wasn't we
  we'd we'll we're we've were weren't what what's whatever when when's where where's whether which while who
  who's whom whose why why's will with won't would wouldn't yet you you'd you'll you're you've your yours
  yourself yourselves hi hey hello yo hiya heya howdy thanks thank thx cheers please pls plz ok okay yes yeah yep
  nope sure cool great nice lol haha hmm um uh oh ah btw fyi really actually basically literally maybe perhaps
  probably still already always never sometimes often quite pretty kind sort bit lot lots stuff thing things way
  ways guys folks team everybody somebody anybody people one ones today tomorrow yesterday tonight now soon later
  help helping helped think thinking thought thoughts opinion opinions feel feeling idea ideas question questions
  answer know knows knew want wants wanted need needs needed get gets got getting make makes made making use
  used using try tries tried trying look looks looking looked see saw seen seeing go goes going went gone come
  comes came coming take takes took give gives gave put puts keep keeps say says said tell told seem seems
  happen happens happened mean means work works worked working does done doing able unable new old good bad
  better best worse worst big small little right wrong fine last next first time times day days week weeks
  anyone's everyone's someone's morning afternoon evening night again also whats hows prefer like likes liked
  love loves hate hates wonder wondering guess suppose reckon anyway stuck broken issue issues problem problems
  trouble keeps keep appreciate appreciated sorry fix fixed feels felt looks seems seemed sounds sounded
  check checked checking faster slower easier harder quicker simpler cleaner clearer nicer
  cheaper safer fast slow easy hard quick simple clean clear cheap safe ready live possible available weird
  strange awesome amazing annoying confusing cramped ugly lovely perfect exactly totally definitely shows show showed shown says returns throws displays
  shipped released launched deployed merged pushed added removed changed updated moved finished started opened
  closed created deleted sent built wrote found tested become becomes became stays stayed gives getting goes wants needs anyone's`.split(
    /\s+/,
  ),
);

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
