// Who the agent is. The engine may only learn the name from the system prompt
// ("You are Sam, ..."), and people rarely type a name in full, so we also
// derive the short forms a group chat actually uses: "Maya" for "Maya Chen",
// "Sam" for "Samantha".

import { memoize } from "../../text/memoize";
import { normalizeText, tokenize } from "../../text/normalize";
import { STOPWORDS } from "../../text/stopwords";

const NAME_IN_PROMPT =
  /\b(?:[Yy]ou are|[Yy]ou're|[Yy]ou’re|[Yy]our name is)\s+(\p{Lu}[\p{L}\p{N}'’-]*(?: \p{Lu}[\p{L}\p{N}'’-]*)?)/u;

/** Explicit name, else the last `respond.agent_name`, else a "You are NAME" line in the prompt. */
export function resolveAgentName(
  explicit: string | null | undefined,
  lastRespondName: string | null | undefined,
  systemPrompt: string | null | undefined,
): string | null {
  const given = explicit?.trim() || lastRespondName?.trim();
  if (given) return given;
  if (!systemPrompt) return null;
  for (const line of systemPrompt.split(/\n+/)) {
    const match = NAME_IN_PROMPT.exec(line);
    if (!match?.[1]) continue;
    // "You are Fernway's designer": a possessive is not the agent's name.
    const words = match[1].split(/\s+/).filter((w) => !/['’]s$/.test(w));
    const name = words
      .join(" ")
      .replace(/[.,'’-]+$/, "")
      .trim();
    if (name && !STOPWORDS.has(name.toLowerCase())) return name;
  }
  return null;
}

/** Words that look like name prefixes but are everyday words ("and" for Andrew, "nov" for Nova). */
const COMMON_PREFIXES = new Set([
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
  "mon",
  "tue",
  "wed",
  "thu",
  "fri",
  "sat",
  "sun",
  "pen",
  "bas",
  "art",
  "car",
  "man",
  "can",
  "con",
]);

export interface NameForms {
  /** the full name, normalised ("maya chen") */
  full: string;
  /** first word of the name ("maya") */
  first: string;
  /** every normalised form that counts as the name itself */
  exact: ReadonlySet<string>;
}

export const nameForms: (name: string) => NameForms | null = memoize(buildNameForms);

function buildNameForms(name: string): NameForms | null {
  const tokens = tokenize(normalizeText(name));
  const first = tokens[0];
  if (!first) return null;
  const full = tokens.join(" ");
  const exact = new Set([full, tokens.join(""), normalizeText(name).trim()]);
  return { full, first, exact };
}

export type NameMatch = "exact" | "nickname" | null;

/** Does one message token (or @handle) name this agent? */
export function matchName(forms: NameForms, token: string): NameMatch {
  if (forms.exact.has(token)) return "exact";
  if (token === forms.first) return "nickname";
  // A prefix of the first name: "sam" for "samantha", never a stopword.
  if (
    token.length >= 3 &&
    token.length < forms.first.length &&
    forms.first.startsWith(token) &&
    !STOPWORDS.has(token) &&
    !COMMON_PREFIXES.has(token)
  )
    return "nickname";
  return null;
}
