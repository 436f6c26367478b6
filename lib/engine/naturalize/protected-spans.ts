// Code spans, URLs and backslash escapes must survive markdown stripping and
// sentence splitting untouched (a `.` inside `foo.bar()` or a URL is not a
// sentence end, an `_` inside a URL is not emphasis). They are swapped for
// opaque placeholders, the text is processed, then the originals come back.

export interface ProtectedText {
  /** The text with every protected span replaced by a whitespace-free placeholder. */
  text: string;
  /** Puts the original spans back into (any slice of) the processed text. */
  restore(processed: string): string;
}

// CommonMark lets a backslash escape any ASCII punctuation character.
const ESCAPABLE = /^[!-/:-@[-`{-~]$/;

// `[text](url)` and `![alt](url)`; the URL may hold one level of balanced parentheses.
const MARKDOWN_LINK = /(!?)\[([^\]\n]*)\]\(\s*<?([^\s()<>]+(?:\([^\s()]*\)[^\s()<>]*)*)>?\s*\)/g;
const AUTOLINK = /<((?:https?|ftp|mailto):[^\s<>]+)>/g;
// Private-use characters are excluded so a URL never swallows a placeholder.
const BARE_URL = /(?:https?:\/\/|www\.)[^\s<>\uE000-\uF8FF]+/g;
const URL_TRAILING_PUNCTUATION = /[.,;:!?'"*_~\]]$/;

export function protectSpans(input: string): ProtectedText {
  const sentinel = pickSentinel(input);
  const saved: string[] = [];
  const placeholder = new RegExp(`${sentinel}(\\d+)${sentinel}`, "g");
  const restore = (processed: string) =>
    processed.replace(placeholder, (_, n: string) => saved[Number(n)] ?? "");
  const hold = (literal: string) => {
    saved.push(literal);
    return `${sentinel}${saved.length - 1}${sentinel}`;
  };

  let text = holdCodeSpansAndEscapes(input, hold);
  text = text.replace(AUTOLINK, (_, url: string) => hold(url));
  text = text.replace(MARKDOWN_LINK, (_, _bang: string, label: string, url: string) => {
    // Chat does not render links, so the target is spelled out after the label.
    const target = hold(restore(url));
    const trimmedLabel = label.trim();
    if (trimmedLabel === "" || restore(trimmedLabel) === restore(url)) return target;
    return `${trimmedLabel} (${target})`;
  });
  text = text.replace(BARE_URL, (match) => {
    const url = trimUrl(match);
    return hold(url) + match.slice(url.length);
  });
  return { text, restore };
}

/** The inline code spans of a text, backticks included, in order. */
export function listCodeSpans(text: string): string[] {
  const spans: string[] = [];
  holdCodeSpansAndEscapes(text, (literal) => {
    // Escapes hold a single character; code spans are at least two backticks long.
    if (literal.length > 1) spans.push(literal);
    return "";
  });
  return spans;
}

/** Bare URLs in a text, without the sentence punctuation that may follow them. */
export function listUrls(text: string): string[] {
  return [...text.matchAll(BARE_URL)].map((match) => trimUrl(match[0]));
}

/** Finds a private-use character absent from the input to delimit placeholders. */
function pickSentinel(input: string): string {
  for (let code = 0xe000; code <= 0xf8ff; code++) {
    const candidate = String.fromCharCode(code);
    if (!input.includes(candidate)) return candidate;
  }
  throw new Error("naturalize: no free placeholder character");
}

function holdCodeSpansAndEscapes(input: string, hold: (literal: string) => string): string {
  let out = "";
  let i = 0;
  while (i < input.length) {
    const ch = input[i]!;
    const next = input[i + 1];
    if (ch === "\\" && next !== undefined && ESCAPABLE.test(next)) {
      out += hold(next);
      i += 2;
      continue;
    }
    if (ch === "`") {
      const run = runLength(input, i, "`");
      const close = findClosingRun(input, i + run, run);
      const end = close >= 0 ? close + run : i + run;
      // An unmatched run of backticks is plain text, kept verbatim too.
      out += close >= 0 ? hold(input.slice(i, end)) : input.slice(i, end);
      i = end;
      continue;
    }
    out += ch;
    i++;
  }
  return out;
}

function runLength(s: string, from: number, ch: string): number {
  let n = 0;
  while (s[from + n] === ch) n++;
  return n;
}

/** A code span closes on a backtick run of exactly the opening length. */
function findClosingRun(s: string, from: number, length: number): number {
  let j = from;
  while (j < s.length) {
    if (s[j] === "`") {
      const run = runLength(s, j, "`");
      if (run === length) return j;
      j += run;
    } else {
      j++;
    }
  }
  return -1;
}

/** Sentence punctuation after a URL, or a closing bracket it never opened, is not part of it. */
function trimUrl(url: string): string {
  let out = url;
  for (;;) {
    if (URL_TRAILING_PUNCTUATION.test(out)) {
      out = out.slice(0, -1);
    } else if (out.endsWith(")") && count(out, "(") < count(out, ")")) {
      out = out.slice(0, -1);
    } else {
      return out;
    }
  }
}

function count(s: string, ch: string): number {
  return s.split(ch).length - 1;
}
