// What kind of move a message makes in the conversation. An agent should
// answer questions, requests and reported problems; good news and jokes are
// bids for a social reply; plain statements usually need nothing.

import { memoize } from "../../text/memoize";
import { normalizeText, tokenize } from "../../text/normalize";
import { splitSentences } from "../../text/sentences";
import { CELEBRATION_EMOJI, LAUGHTER, SERIOUS_WORDS } from "./lexicon";

export interface MessageKind {
  question: boolean;
  /** "can someone…", "please…": asks for an action */
  request: boolean;
  /** reports something broken or wrong: an implicit request for help */
  problem: boolean;
  /** announces a plan ("thinking of hiring…"): invites advice */
  intent: boolean;
  /**
   * asks who among the people will do something ("who's in?"), about the group
   * itself ("do we have…?"), or about their experience ("has anyone else's kid…?")
   */
  rollCall: boolean;
  /** good news, "!!!", 🎉 */
  excited: boolean;
  /** lol, haha, 😂 alongside other content */
  laughing: boolean;
  /** distress words: a serious conversation */
  serious: boolean;
  /** trails off ("also", "and…", "quick question:") — more is coming */
  incomplete: boolean;
  tokens: readonly string[];
}

const WH = new Set([
  "what",
  "what's",
  "whats",
  "when",
  "when's",
  "where",
  "where's",
  "why",
  "how",
  "how's",
  "who",
  "who's",
  "whom",
  "which",
]);
const AUX = new Set([
  "can",
  "could",
  "would",
  "will",
  "should",
  "shall",
  "is",
  "are",
  "am",
  "was",
  "were",
  "do",
  "does",
  "did",
  "has",
  "have",
  "may",
  "might",
  "any",
  "anyone",
  "anybody",
]);
const OPENERS =
  /^(?:(?:ok|okay|so|and|also|anyway|btw|hey|hi|hello|quick q|quick question|wait|oh|um|well|lol)\b[\s,:!.-]*)*/;
const QUESTION_CUES =
  /\b(?:any ideas?|anyone know|does anyone|do you know|can anyone|has anyone|is there a way|yes or no|thoughts\s*$|wdyt|what do you think)\b/;
/** Asking for an action. A bare "pls" is not one: "feedback by thursday pls", "everyone please be there". */
const REQUEST =
  /\b(?:(?:can|could|would|will) (?:you|someone|somebody|anyone|anybody|u)|(?:please|pls|plz) (?:send|share|check|help|look|tell|explain|review|fix|confirm|let me know|remind)|help me|need help|any (?:ideas|tips|advice|suggestions)|recommend|if someone|someone (?:send|make|write|check|take|do|look))\b/;
/** "no spoilers pls", "don't … please": asks people to refrain, not to act. */
const REFRAIN = /\b(?:no \w+|don't \w+(?: \w+)?) (?:please|pls|plz)\b|\b(?:please|pls|plz) (?:don't|no)\b/;
const PROBLEM =
  /\b(?:(?:can't|cannot|couldn't|won't|doesn't|isn't|didn't) (?![,.!?])\w+|not (?:working|loading|arriving|showing|connecting|sure why)|broken|error|errors|fail(?:s|ed|ing)?|crash(?:es|ed|ing)?|stuck|bug|wrong|jammed|keeps? \w+ing|never (?:arrived|came|showed)|missing|404|confus(?:ed|ing)|overwhelming|hurts?|sore|is (?:that|this|it) (?:bad|normal|ok)|idk why|no idea why|for some reason|but (?:i|we|it) (?:only|just|never|already|still)|still no|stopped working|cuts? out|cutting out|making an? (?:\w+ )?noise|won't turn on)\b/;
const INTENT =
  /\b(?:thinking (?:of|about)|planning (?:to|on)|plan to|going to|gonna|wants? us to|asked us to|considering|about to)\b/;
const ROLL_CALL =
  /\b(?:who's|who is|who are|anyone|anybody)\s+(?:in|up for|in for|down for|coming|joining|going|free|around|riding|driving|bringing|doing|stuck)\b|(?:^|[,:.!]\s*)(?:do|did|are|were|have) we\b|\b(?:has|have|did|does|is) (?:anyone|anybody) else\b|\b(?:anyone|anybody) else's\b/;
/**
 * A message ending on one of these words was cut off mid-sentence ("so the
 * amount is"). Not prepositions: "I can't log in" is complete.
 */
const TRAILING = new Set([
  "and",
  "but",
  "or",
  "so",
  "also",
  "because",
  "like",
  "with",
  "the",
  "a",
  "an",
  "my",
  "to",
  "if",
  "then",
  "plus",
  "is",
  "are",
  "was",
  "that",
]);
const LEAD_INS = new Set([
  "also",
  "so",
  "wait",
  "hmm",
  "question",
  "quick question",
  "one more thing",
  "btw",
  "ok so",
  "um",
]);

/** After a comma these usually open a relative clause (", which the button imports"), not a question. */
const RELATIVE = new Set(["which", "who", "whom", "whose", "where", "when"]);

function clauseIsQuestion(clause: string, initial: boolean): boolean {
  const rest = clause.replace(OPENERS, "");
  // "will do", "can do": agreement, not a question.
  if (/^(?:will|can) do\b/.test(rest)) return false;
  const first = tokenize(rest)[0];
  if (first === undefined || (!initial && RELATIVE.has(first))) return false;
  return WH.has(first) || AUX.has(first);
}

function sentenceIsQuestion(sentence: string): boolean {
  if (sentence.includes("?") || QUESTION_CUES.test(sentence)) return true;
  // Chat runs clauses together: "mine came out flat 😭 what did I do wrong".
  return sentence
    .split(/[,;:—–]|\p{Extended_Pictographic}+/u)
    .some((clause, i) => clauseIsQuestion(clause.trim(), i === 0));
}

/** Shared per content string: do not mutate. */
export const classifyMessage: (content: string) => MessageKind = memoize(classify);

function classify(content: string): MessageKind {
  const normalized = normalizeText(content);
  const tokens = tokenize(normalized);
  const words = tokens.filter((t) => /[\p{L}\p{N}]/u.test(t));
  const sentences = splitSentences(normalized, { chat: true });
  const question = sentences.some(sentenceIsQuestion);
  const excited =
    /!!/.test(content) ||
    tokens.some((t) => CELEBRATION_EMOJI.has(t)) ||
    (content.match(/\b\p{Lu}{2,}\b/gu)?.length ?? 0) >= 2;
  const laughing = tokens.some((t) => LAUGHTER.has(t)) && words.filter((t) => !LAUGHTER.has(t)).length > 0;
  const trimmed = normalized.trim();
  const lastWord = words[words.length - 1] ?? "";
  const incomplete =
    /(?:\.\.\.|…|:)$/.test(trimmed) ||
    (TRAILING.has(lastWord) && !/[.!?]$/.test(trimmed)) ||
    LEAD_INS.has(words.join(" "));
  return {
    question,
    request: REQUEST.test(normalized) && !REFRAIN.test(normalized),
    problem: PROBLEM.test(normalized),
    intent: INTENT.test(normalized),
    rollCall: ROLL_CALL.test(normalized),
    excited,
    laughing,
    serious: tokens.some((t) => SERIOUS_WORDS.has(t)),
    incomplete,
    tokens,
  };
}

/** Something the room is expected to respond to. */
export function needsAnswer(kind: MessageKind): boolean {
  return (kind.question && !kind.rollCall) || kind.request || kind.problem;
}
