import { mentionsName as mentions } from "@/lib/text/mentions";
import { splitSentences as split } from "@/lib/text/sentences";
import { type Conversation, isStageDirection } from "./conversation";
import { chance, hashString, pick } from "./hash";
import { detectIntent, type Intent } from "./intent";
import { extractPersona, type Persona } from "./persona";
import { troubleshootingSteps } from "./steps";
import { type ReplyContext, type ReplyParts, TEMPLATES } from "./templates";
import { EMOJI } from "./text";

/** The offline model writes chat: sentences may start in lower case. */
const splitSentences = (text: string) => split(text, { chat: true });

import { extractTopic, type Topic } from "./topic";

export const MAX_REPLY_CHARS = 600;

/** Drafts the agent's reply to the last thing someone else said, in the persona's voice. */
export function composeReply(conversation: Conversation): string {
  const persona = extractPersona(conversation.system);
  const context = buildContext(conversation, persona);
  const key = context.factual
    ? "factual"
    : context.intent === "statement" && !context.hasTopic
      ? "reaction"
      : context.intent;
  const parts = pick(TEMPLATES[persona.family][key], context.seed, `core:${key}`)(context);
  withExpertise(parts, context, persona);
  return finish(assemble(parts, context, persona), context, persona);
}

function buildContext(conversation: Conversation, persona: Persona): ReplyContext {
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
  const addressed = Boolean(spoken && persona.name && mentions(spoken.text, persona.name));
  const useName =
    sender !== null &&
    (addressed || ["greeting", "farewell", "thanks"].includes(intent) || chance(seed, "name", 2));
  return {
    persona,
    intent,
    factual,
    subject: topic?.phrase ?? "this",
    hasTopic: topic !== null,
    name: useName ? sender : null,
    steps: troubleshootingSteps(`${topic?.words.join(" ") ?? ""} ${spoken?.text ?? ""}`, seed),
    seed,
  };
}

/** The last message's own topic, or, for "what do you think?", the most recent one before it. */
function findTopic(conversation: Conversation, text: string, names: string[], intent: Intent): Topic | null {
  const own = extractTopic(text, names);
  if (own || ["greeting", "farewell", "thanks", "statement"].includes(intent)) return own;
  for (const utterance of [...conversation.utterances].reverse().slice(1, 8)) {
    const earlier = extractTopic(utterance.text, names);
    if (earlier) return earlier;
  }
  return null;
}

function withExpertise(parts: ReplyParts, c: ReplyContext, persona: Persona): void {
  if (!["help", "question", "opinion", "plan"].includes(c.intent) || c.factual || !c.hasTopic) return;
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
    (c.intent === "help" || c.intent === "question")
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
