import { mentionsName as mentions } from "@/lib/text/mentions";
import { splitSentences as split } from "@/lib/text/sentences";
import { type Conversation, isStageDirection } from "./conversation";
import { chance, hashString, pick } from "./hash";
import { detectIntent, type Intent } from "./intent";
import { AREA_WORDS, type Area } from "./lexicon";
import { extractPersona, type Persona } from "./persona";
import { troubleshootingSteps } from "./steps";
import { type ReplyContext, type ReplyParts, TEMPLATES, type TemplateKey } from "./templates";
import { EMOJI } from "./text";
import { extractTopic, type Topic } from "./topic";

/** The offline model writes chat: sentences may start in lower case (one argument, so it maps). */
const splitSentences = (text: string) => split(text, { chat: true });

export const MAX_REPLY_CHARS = 600;

/** What the model read and chose, for tests and debugging. */
export interface ReplyDetails {
  text: string;
  intent: Intent;
  factual: boolean;
  key: TemplateKey;
  topic: Topic | null;
  /** Whom the reply names, if anyone. */
  name: string | null;
}

/** Drafts the agent's reply to the last thing someone else said, in the persona's voice. */
export function composeReply(conversation: Conversation): string {
  return composeDetails(conversation).text;
}

export function composeDetails(conversation: Conversation): ReplyDetails {
  const persona = extractPersona(conversation.system);
  const { context, topic } = buildContext(conversation, persona);
  const key = templateKey(context);
  const earlier = ownEarlierSentences(conversation);
  // Try the templates in a seed-chosen order and keep the first whose sentences the agent has not
  // used yet in this conversation, so two questions in a row never get the same answer.
  const templates = TEMPLATES[familyFor(persona, context, key)][key];
  const offset = hashString(`${context.seed}:core:${key}`) % templates.length;
  let best: { text: string; repeats: number } | null = null;
  for (let i = 0; i < templates.length; i++) {
    const parts = withoutRepeats(templates[(offset + i) % templates.length]!(context), earlier);
    withExpertise(parts, context, persona);
    const text = finish(assemble(parts, context, persona), context, persona);
    const repeats = splitSentences(text).filter((s) => said(s, context.subject, earlier)).length;
    if (!best || repeats < best.repeats) best = { text, repeats };
    if (repeats === 0) break;
  }
  return {
    text: best!.text,
    intent: context.intent,
    factual: context.factual,
    key,
    topic,
    name: context.name,
  };
}

/**
 * Whether the agent already said this sentence, or the same sentence about another topic
 * ("Oh, I have opinions about X" twice reads as a canned reply even with a different X).
 */
function said(sentence: string, subject: string, earlier: Set<string>): boolean {
  const key = sentenceKey(sentence);
  if (earlier.has(key)) return true;
  const topic = sentenceKey(subject);
  const at = topic.length >= 3 ? key.indexOf(topic) : -1;
  if (at < 0) return false;
  const [before, after] = [key.slice(0, at), key.slice(at + topic.length)];
  if (before.length + after.length < 12) return false;
  return [...earlier].some(
    (old) => old.startsWith(before) && old.endsWith(after) && old.length > before.length + after.length,
  );
}

/** Drops an opener, closer or extra core sentence the agent already said; the first core sentence stays. */
function withoutRepeats(parts: ReplyParts, earlier: Set<string>): ReplyParts {
  const fresh = (text: string) => splitSentences(text).every((s) => !earlier.has(sentenceKey(s)));
  return {
    opener: parts.opener && fresh(parts.opener) ? parts.opener : undefined,
    core: parts.core.filter((text, i) => i === 0 || fresh(text)),
    closer: parts.closer && fresh(parts.closer) ? parts.closer : undefined,
  };
}

/**
 * A support engineer asked about a screen's copy, or a designer told about an API error,
 * answers as a thoughtful colleague (the generic voice) rather than forcing their trade's advice.
 */
function familyFor(persona: Persona, c: ReplyContext, key: TemplateKey): Persona["family"] {
  const home = HOME_AREA[persona.family];
  const talk = ["question", "opinion", "plan", "statement"].includes(key);
  const work = (area: Area) => area === "tech" || area === "design";
  return talk && work(home) && work(c.area) && c.area !== home ? "generic" : persona.family;
}

function templateKey(c: ReplyContext): TemplateKey {
  if (c.factual) return "factual";
  if (c.intent === "statement" && !c.hasTopic) return "reaction";
  if (c.area === "social" && ["opinion", "plan", "question"].includes(c.intent)) return "social";
  return c.intent;
}

/** Sentences compared without case, emoji or punctuation. */
function sentenceKey(sentence: string): string {
  return sentence
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s]/gu, "")
    .replace(/\s+/g, " ")
    .trim();
}

/** Every sentence the agent already said in the transcript (its own turns are the assistant messages). */
function ownEarlierSentences(conversation: Conversation): Set<string> {
  return new Set(
    conversation.utterances
      .filter((u) => u.role === "assistant")
      .flatMap((u) => splitSentences(u.text).map(sentenceKey)),
  );
}

function buildContext(
  conversation: Conversation,
  persona: Persona,
): { context: ReplyContext; topic: Topic | null } {
  const { last } = conversation;
  const seed = hashString(
    [conversation.system, ...conversation.utterances.map((u) => `${u.role}|${u.sender}|${u.text}`)].join(
      "\n",
    ),
  );
  const spoken = last && !isStageDirection(last.text) ? last : null;
  const { intent, factual } = spoken
    ? detectIntent(spoken.text)
    : { intent: "greeting" as Intent, factual: false };
  const names = [
    ...(persona.name ? [persona.name] : []),
    ...persona.participants,
    ...conversation.utterances.flatMap((u) => (u.sender ? [u.sender] : [])),
  ];
  const topic = spoken ? findTopic(conversation, spoken.text, names, intent) : null;
  const sender = spoken?.sender && spoken.sender !== persona.name ? spoken.sender : null;
  const context: ReplyContext = {
    persona,
    intent,
    factual,
    area: areaOf(spoken?.text ?? "", HOME_AREA[persona.family]),
    subject: topic?.phrase ?? "this",
    hasTopic: topic !== null,
    name: sender && namesSender(conversation, persona, sender, intent, seed, spoken!.text) ? sender : null,
    steps: troubleshootingSteps(spoken?.text ?? "", seed),
    seed,
  };
  return { context, topic };
}

/**
 * People rarely open every message with the other person's name. Name them now and then: more
 * often for a hello or goodbye or when they named the agent, never twice in a row.
 */
function namesSender(
  conversation: Conversation,
  persona: Persona,
  sender: string,
  intent: Intent,
  seed: number,
  text: string,
): boolean {
  const ownTurns = conversation.utterances.filter((u) => u.role === "assistant");
  const people = new Set(conversation.utterances.flatMap((u) => (u.sender ? [u.sender] : [])));
  if (ownTurns.slice(-2).some((u) => mentions(u.text, sender))) return false;
  const lastOwn = ownTurns.at(-1)?.text ?? "";
  if ([...people].some((person) => mentions(lastOwn, person))) return false;
  const addressed = Boolean(persona.name && mentions(text, persona.name));
  const odds = ["greeting", "farewell"].includes(intent) ? 2 : addressed ? 3 : 6;
  return chance(seed, "name", odds);
}

/** Which part of life the message is about: the most matching words win, a tie goes to `prefer`. */
function areaOf(text: string, prefer: Area): Area {
  let area: Area = "other";
  let best = 0;
  for (const [name, pattern] of Object.entries(AREA_WORDS) as [Exclude<Area, "other">, RegExp][]) {
    const hits = text.match(new RegExp(pattern.source, "gi"))?.length ?? 0;
    if (hits > best || (hits === best && hits > 0 && name === prefer)) [area, best] = [name, hits];
  }
  return area;
}

const HOME_AREA: Record<Persona["family"], Area> = {
  support: "tech",
  design: "design",
  playful: "social",
  generic: "other",
};

/** The last message's own topic, or, for "what do you think?", the most recent one before it. */
function findTopic(conversation: Conversation, text: string, names: string[], intent: Intent): Topic | null {
  const own = extractTopic(text, names);
  if (own || !["help", "howto", "question", "opinion", "plan"].includes(intent)) return own;
  // Only what people said: the agent's own replies are not a topic to come back to.
  const people = conversation.utterances.filter((u) => u.role === "user");
  for (const utterance of [...people].reverse().slice(1, 8)) {
    const earlier = extractTopic(utterance.text, names);
    if (earlier) return earlier;
  }
  return null;
}

function withExpertise(parts: ReplyParts, c: ReplyContext, persona: Persona): void {
  if (!["help", "howto", "question", "opinion", "plan"].includes(c.intent) || c.factual || !c.hasTopic)
    return;
  const subject = c.subject.toLowerCase();
  const area = persona.expertise.find((item) =>
    item.split(/\s+/).some((word) => word.length >= 3 && subject.includes(word)),
  );
  if (!area) return;
  parts.opener = pick(
    [
      `${area.charAt(0).toUpperCase()}${area.slice(1)} is my area, so happy to dig in.`,
      `Ah, ${area}, right up my street.`,
    ],
    c.seed,
    "expertise",
  );
}

function assemble(parts: ReplyParts, c: ReplyContext, persona: Persona): string[] {
  const limit = persona.tones.includes("concise") ? 2 : 4;
  const core = parts.core.flatMap(splitSentences);
  const closer = parts.closer ? splitSentences(parts.closer) : [];
  let opener = parts.opener ? splitSentences(parts.opener) : [];
  if (
    !opener.length &&
    persona.tones.includes("friendly") &&
    (c.intent === "help" || c.intent === "howto" || c.intent === "question")
  ) {
    opener = [c.intent === "help" ? "Let's get this sorted!" : "Glad you asked!"];
  }
  // Drop the least important sentences first: opener, then closer, then trailing core.
  let sentences = [...opener, ...core, ...closer];
  if (sentences.length > limit) sentences = [...core, ...closer];
  if (sentences.length > limit) sentences = core.slice(0, limit);
  if (c.name && !sentences.some((s) => mentions(s, c.name!))) {
    const first = sentences[0]!;
    const keepCase = /^(I\b|I'|\p{Lu}{2,})/u.test(first);
    sentences[0] = `${c.name}, ${keepCase ? first : first.charAt(0).toLowerCase() + first.slice(1)}`;
  }
  return sentences;
}

const CONTRACTIONS: Record<string, string> = {
  "i'd": "I would",
  "i'm": "I am",
  "i'll": "I will",
  "it's": "it is",
  "that's": "that is",
  "don't": "do not",
  "doesn't": "does not",
  "can't": "cannot",
  "won't": "will not",
  "you're": "you are",
  "we'll": "we will",
  "what's": "what is",
  "there's": "there is",
  "isn't": "is not",
  "who's": "who is",
  "something's": "something is",
};

function formalize(text: string): string {
  return text
    .replace(/\b(Heyyy|Hey|Hi|Yo|Hello hello)\b/g, "Hello")
    .replace(/\b[A-Za-z]+'[a-z]+\b/g, (word) => {
      const expanded = CONTRACTIONS[word.toLowerCase()];
      if (!expanded) return word;
      return /^[A-Z]/.test(word) ? expanded.charAt(0).toUpperCase() + expanded.slice(1) : expanded;
    })
    .replace(/\s*\p{Extended_Pictographic}\uFE0F?/gu, "");
}

function finish(sentences: string[], c: ReplyContext, persona: Persona): string {
  let text = sentences.join(" ");
  const { tones, family } = persona;
  if (tones.includes("formal") && family !== "playful") text = formalize(text);
  else if ((tones.includes("playful") || family === "playful") && !EMOJI.test(text)) {
    text = `${text} ${pick(["🙂", "😄", "✨", "🙌"], c.seed, "emoji")}`;
  }
  if (tones.includes("enthusiastic") && !text.includes("!")) text = text.replace(/\.(\s|$)/, "!$1");
  return clamp(text);
}

/** Hard length cap: whole sentences first, then a word boundary. */
function clamp(text: string): string {
  if (text.length <= MAX_REPLY_CHARS) return text;
  const sentences = splitSentences(text);
  while (sentences.length > 1 && sentences.join(" ").length > MAX_REPLY_CHARS) sentences.pop();
  const kept = sentences.join(" ");
  if (kept.length <= MAX_REPLY_CHARS) return kept;
  return `${kept.slice(0, MAX_REPLY_CHARS - 1).replace(/\s+\S*$/, "")}…`;
}
