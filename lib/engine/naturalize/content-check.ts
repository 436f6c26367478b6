// A model rewrite is only trusted if it kept what a reader cannot afford to
// lose: every number, link, code span and code block of the draft, in a
// shape the `respond` contract allows. Anything else falls back to the
// deterministic split, which loses nothing by construction.

import { parseBlocks } from "./blocks";
import { MAX_BUBBLE_CHARS, MAX_BUBBLES } from "./limits";
import { wordCount } from "./pieces";
import { listCodeSpans, listUrls } from "./protected-spans";
import { toChatText } from "./split-draft";

export interface DraftFacts {
  numbers: string[];
  urls: string[];
  codeSpans: string[];
  /** Bodies of fenced code blocks, without the fences. */
  codeBlocks: string[];
}

// "3.14", "1,000", "10:30", "1.2.3" are one number each.
const NUMBER = /\d+(?:[.,:]\d+)*/g;

// A rewrite may tighten the wording, but losing half the words means lost content;
// doubling them means invented content.
const MIN_WORD_RATIO = 0.5;
const MAX_WORD_RATIO = 2;
const WORD_RATIO_MIN_DRAFT_WORDS = 20;

export function extractFacts(draft: string): DraftFacts {
  const chatText = toChatText(draft);
  const blocks = parseBlocks(draft);
  return {
    numbers: unique(chatText.match(NUMBER) ?? []),
    urls: unique(listUrls(chatText)),
    codeSpans: unique(blocks.flatMap((b) => (b.kind === "code" ? [] : listCodeSpans(b.text)))),
    codeBlocks: unique(blocks.flatMap((b) => (b.kind === "code" ? [codeBody(b.text)] : []))).filter(Boolean),
  };
}

/** What of the draft's facts the messages lost, described for logs; empty when nothing was lost. */
export function findMissingFacts(draft: string, messages: readonly string[]): string[] {
  const facts = extractFacts(draft);
  const output = messages.join("\n");
  const outputNumbers = new Set(output.match(NUMBER) ?? []);
  return [
    ...facts.numbers.filter((n) => !outputNumbers.has(n)).map((n) => `number ${n}`),
    ...facts.urls.filter((u) => !output.includes(u)).map((u) => `link ${u}`),
    ...facts.codeSpans.filter((c) => !output.includes(c)).map((c) => `code ${c}`),
    ...facts.codeBlocks.filter((c) => !output.includes(c)).map(() => "a code block"),
  ];
}

/** Why a model rewrite cannot be used, or `undefined` when it can. */
export function checkRewrite(draft: string, messages: readonly string[]): string | undefined {
  if (messages.length < 1 || messages.length > MAX_BUBBLES) {
    return `expected 1-${MAX_BUBBLES} messages, got ${messages.length}`;
  }
  if (messages.some((m) => m.trim() === "")) return "empty message";
  if (messages.some((m) => m.length > MAX_BUBBLE_CHARS)) return `message over ${MAX_BUBBLE_CHARS} chars`;
  const missing = findMissingFacts(draft, messages);
  if (missing.length > 0) return `rewrite dropped ${missing.join(", ")}`;
  const draftWords = wordCount(toChatText(draft));
  const outputWords = wordCount(messages.join(" "));
  if (draftWords >= WORD_RATIO_MIN_DRAFT_WORDS && outputWords < draftWords * MIN_WORD_RATIO) {
    return `rewrite too short (${outputWords} of ${draftWords} words)`;
  }
  if (outputWords > draftWords * MAX_WORD_RATIO + WORD_RATIO_MIN_DRAFT_WORDS) {
    return `rewrite too long (${outputWords} words for ${draftWords})`;
  }
  return undefined;
}

function codeBody(fenced: string): string {
  const lines = fenced.split("\n");
  const closed = lines.length > 1 && /^\s*(`{3,}|~{3,})\s*$/.test(lines[lines.length - 1]!);
  return lines
    .slice(1, closed ? -1 : undefined)
    .join("\n")
    .trim();
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}
