// Who a message is addressed to. Chat conventions, from strongest to weakest:
// "@name", "name: ..." / "name, ..." at the start (IRC/Slack reply
// convention), a name opening a sentence or closing it ("thanks Sam",
// "... Otto?"), and a name merely mentioned ("I'll pair with Maya"). The same
// rules find messages addressed to somebody else, which the agent keeps out of.

import { memoize } from "../../text/memoize";
import { normalizeText, tokenize } from "../../text/normalize";
import { escapeRegExp } from "../../text/regexp";
import { splitSentences } from "../../text/sentences";
import { STOPWORDS } from "../../text/stopwords";
import { matchName, type NameForms, nameForms } from "./agent-name";

export type AgentAddress = "mention" | "reply_convention" | "name" | "nickname" | "third_person";

const ADDRESS_RANK: Record<AgentAddress, number> = {
  mention: 5,
  reply_convention: 4,
  name: 3,
  nickname: 2,
  third_person: 1,
};

/** The more direct of two ways of addressing the agent (an @mention beats a name, a name beats "she"). */
export function strongerAddress(current: AgentAddress | null, candidate: AgentAddress): AgentAddress {
  return current && ADDRESS_RANK[current] >= ADDRESS_RANK[candidate] ? current : candidate;
}

export interface Addressing {
  /** how the agent itself is addressed, if at all */
  toAgent: AgentAddress | null;
  /** other participants (or unknown names) the message is addressed to */
  toOthers: string[];
  /** "anyone", "everyone", "@here"...: addressed to the whole room */
  toRoom: boolean;
  /** other participants named anywhere in the message, addressed or not */
  mentioned: string[];
}

/** The names known in this thread: the agent's own and every other sender's. */
export interface NameBook {
  agent: NameForms | null;
  /** the agent's full name as a whole-word pattern */
  agentPattern: RegExp | null;
  /** other participants: normalised form -> display name */
  participants: ReadonlyMap<string, string>;
}

/**
 * One pattern per agent name, shared by every book with that agent (test() on a pattern
 * without the g flag keeps no state): compiling a Unicode-property pattern costs about
 * 0.34 ms (a quiet machine; more under load), and every new thread, or new sender in one,
 * builds a book.
 */
const wholeWordPattern = memoize(
  (full: string) => new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(full)}(?![\\p{L}\\p{N}])`, "u"),
  1024,
);

export function buildNameBook(agentName: string | null, senders: Iterable<string>): NameBook {
  const agent = agentName ? nameForms(agentName) : null;
  const participants = new Map<string, string>();
  for (const sender of senders) {
    const forms = nameForms(sender);
    if (!forms) continue;
    if (agent && (agent.exact.has(forms.full) || forms.full === agent.full)) continue;
    for (const form of forms.exact) participants.set(form, sender);
    // First word of a multi-word sender ("prof" for "Prof. Kim"), but never a stopword.
    if (forms.first.length >= 2 && !STOPWORDS.has(forms.first) && !participants.has(forms.first))
      participants.set(forms.first, sender);
  }
  return { agent, agentPattern: agent ? wholeWordPattern(agent.full) : null, participants };
}

const ROOM_WORDS = new Set([
  "everyone",
  "everybody",
  "anyone",
  "anybody",
  "someone",
  "somebody",
  "all",
  "guys",
  "folks",
  "y'all",
  "team",
  "both",
]);
const ROOM_HANDLES = new Set(["here", "channel", "everyone", "all", "room", "team"]);
/** Openers that may precede a vocative name: "hey Sam, ...", "ok so Maya: ...". */
const LEAD_IN =
  /^(?:(?:hey|hi|hello|ok|okay|so|and|also|oh|yo|well|dear|thanks|thank you|ty|btw|sorry|lol|haha|lmao|omg)\b[\s,!.]*)*/;
/** After a leading name these words usually mean it is the subject, not a vocative ("Sam fixed it"). */
const SUBJECT_VERBS = new Set([
  "is",
  "was",
  "has",
  "had",
  "said",
  "says",
  "did",
  "does",
  "will",
  "would",
  "can",
  "could",
  "should",
  "might",
  "may",
  "must",
  "and",
  "or",
  "fixed",
  "made",
  "sent",
  "wrote",
  "told",
  "thinks",
  "knows",
  "mentioned",
  "posted",
  "shared",
  "asked",
  "answered",
  "replied",
  "got",
  "went",
  "isn't",
  "wasn't",
  "doesn't",
  "didn't",
  "seems",
  "looks",
  "left",
  "joined",
  "with",
]);
const CLOSERS =
  /(?:,|\b(?:thanks|thank you|thx|ty|hey|hi|hello|cheers|congrats|sorry|morning|night|bye|love you))\s*@?$/;
const SECOND_PERSON = /\b(?:you|your|you're|you've|u|ur|yours)\b/;
const UNKNOWN_VOCATIVE =
  /^\s*(?:(?:[Hh]ey|[Hh]i|[Hh]ello|[Oo]k|[Oo]kay|[Ss]o|[Aa]lso|[Oo]h|[Yy]o)\b[\s,!]*)*(\p{Lu}[\p{Ll}'-]+)(?:\s*[,:]|\s+(?:did|do|can|could|would|will|are|have|should)\s+(?:you|we|i)\b)/u;
const UNKNOWN_VOCATIVE_IN_CLAUSE = /(?:[,;—–]|\s-{1,2}\s)\s*(\p{Lu}[\p{Ll}'-]+)\s*[,:]/gu;
const WEEKDAYS_MONTHS =
  /^(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|june|july|august|september|october|november|december)$/;

/** Where a clause ends inside a sentence: commas, dashes, semicolons. */
const CLAUSE_BREAK = /[,;—–]|\s-{1,2}\s/;

interface NameHit {
  who: "agent" | string;
  match: "exact" | "nickname";
}

/** The name a token refers to: the agent, a participant, or nothing. */
function lookupName(book: NameBook, token: string): NameHit | null {
  if (book.agent) {
    const m = matchName(book.agent, token);
    if (m) return { who: "agent", match: m };
  }
  const participant = book.participants.get(token);
  return participant ? { who: participant, match: "exact" } : null;
}

/** Leading names of a sentence: "sam, maya: ...", "hey Pip ...". */
function leadingNames(
  book: NameBook,
  sentence: string,
): { hits: NameHit[]; delimited: boolean; next: string | null } {
  const rest = sentence.replace(LEAD_IN, "");
  const hits: NameHit[] = [];
  const tokens = tokenize(rest);
  let i = 0;
  let consumed = 0;
  while (i < tokens.length) {
    const two = i + 1 < tokens.length ? `${tokens[i]} ${tokens[i + 1]}` : null;
    const hitTwo = two ? lookupName(book, two) : null;
    const token = tokens[i] ?? "";
    const hit = hitTwo ?? lookupName(book, token);
    if (!hit) break;
    hits.push(hit);
    i += hitTwo ? 2 : 1;
    consumed = i;
    if (tokens[i] === "and") i += 1;
  }
  if (hits.length === 0) return { hits, delimited: false, next: null };
  // Was the run of names followed by ":" / "," / a dash? Look at the raw text after the last name.
  const lastToken = tokens[consumed - 1] ?? "";
  const after = rest.slice(rest.indexOf(lastToken) + lastToken.length);
  const delimited = /^\s*(?:[:,—–-]|$)/.test(after);
  return { hits, delimited, next: tokens[consumed] ?? null };
}

function addAgent(result: Addressing, kind: AgentAddress): void {
  result.toAgent = strongerAddress(result.toAgent, kind);
}

function addOther(result: Addressing, who: string): void {
  if (!result.toOthers.includes(who)) result.toOthers.push(who);
}

export function analyzeAddressing(book: NameBook, content: string): Addressing {
  const normalized = normalizeText(content);
  const result: Addressing = { toAgent: null, toOthers: [], toRoom: false, mentioned: [] };

  for (const m of normalized.matchAll(/@([\p{L}\p{N}_.-]*[\p{L}\p{N}])/gu)) {
    const handle = m[1] ?? "";
    if (ROOM_HANDLES.has(handle)) {
      result.toRoom = true;
      continue;
    }
    const hit = lookupName(book, handle) ?? lookupName(book, handle.replace(/[_.-]+/g, " "));
    if (hit?.who === "agent") addAgent(result, "mention");
    else addOther(result, hit?.who ?? handle);
  }

  const sentences = splitSentences(normalized, { chat: true });
  for (const [index, sentence] of sentences.entries()) {
    // A name can open any clause: "never mind that — Sam, invoice #443…", "ok, maya: thoughts?".
    const clauses = sentence.split(CLAUSE_BREAK);
    for (let c = 1; c < clauses.length; c++) {
      const clause = clauses[c]?.trim() ?? "";
      if (!clause) continue;
      const inner = leadingNames(book, clause);
      if (!inner.delimited) continue;
      for (const hit of inner.hits) {
        if (hit.who === "agent") addAgent(result, hit.match === "nickname" ? "nickname" : "name");
        else addOther(result, hit.who);
      }
    }
    const { hits, delimited, next } = leadingNames(book, sentence);
    const isQuestion = sentence.includes("?");
    const secondPerson = SECOND_PERSON.test(sentence);
    const vocative =
      hits.length > 0 && (delimited || !next || !SUBJECT_VERBS.has(next) || secondPerson || isQuestion);
    for (const hit of hits) {
      if (!vocative) continue;
      if (hit.who === "agent") {
        if (hit.match === "nickname") addAgent(result, "nickname");
        else addAgent(result, delimited && index === 0 ? "reply_convention" : "name");
      } else addOther(result, hit.who);
    }
    // A name closing the sentence: "thanks Sam!", "..., Otto?", "calendar Otto?"
    const words = tokenize(sentence);
    const last = words[words.length - 1];
    if (last && words.length > 1) {
      const hit = lookupName(book, last);
      const before = sentence.slice(0, sentence.lastIndexOf(last)).trimEnd();
      // "...calendar Otto?", "qué bien Emma!": a name closing a question or an exclamation is a vocative.
      if (hit && (CLOSERS.test(before) || /[?!]\s*\W*$/.test(sentence))) {
        if (hit.who === "agent") addAgent(result, hit.match === "nickname" ? "nickname" : "name");
        else addOther(result, hit.who);
      }
    }
  }

  // Unknown capitalised name used as a vocative ("Maya, can you ..."); needs the original casing.
  if (result.toOthers.length === 0 && result.toAgent === null) {
    for (const sentence of splitSentences(content, { chat: true })) {
      const m = UNKNOWN_VOCATIVE.exec(sentence);
      const word = m?.[1]?.toLowerCase();
      if (!word || STOPWORDS.has(word) || WEEKDAYS_MONTHS.test(word)) continue;
      const rest = sentence.slice((m?.index ?? 0) + (m?.[0].length ?? 0));
      if (m?.[0].includes("you") || rest.includes("?") || SECOND_PERSON.test(normalizeText(rest)))
        addOther(result, m?.[1] ?? word);
    }
    // The same after a clause break: "never mind that — Sam, can you check billing?"
    for (const sentence of splitSentences(content, { chat: true })) {
      for (const m of sentence.matchAll(UNKNOWN_VOCATIVE_IN_CLAUSE)) {
        const name = m[1] ?? "";
        const word = name.toLowerCase();
        if (STOPWORDS.has(word) || WEEKDAYS_MONTHS.test(word)) continue;
        const rest = sentence.slice((m.index ?? 0) + m[0].length);
        if (rest.includes("?") || SECOND_PERSON.test(normalizeText(rest))) addOther(result, name);
      }
    }
  }

  // Any other whole-word use of the agent's name is a mention in passing.
  if (!result.toAgent && book.agent) {
    const forms = book.agent;
    const tokens = tokenize(normalized);
    if (book.agentPattern?.test(normalized) || tokens.some((t) => matchName(forms, t) !== null))
      addAgent(result, "third_person");
  }
  for (const token of tokenize(normalized)) {
    if (ROOM_WORDS.has(token)) result.toRoom = true;
    const who = book.participants.get(token);
    if (who && !result.mentioned.includes(who)) result.mentioned.push(who);
  }
  for (const who of result.toOthers) if (!result.mentioned.includes(who)) result.mentioned.push(who);
  return result;
}
