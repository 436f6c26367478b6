// Emphasis markers render as literal asterisks in a chat bubble, so they go;
// the words they wrap stay. Runs on text whose code spans and URLs are
// already protected, so `a_b` in code or a URL is never touched.

const MARKERS = ["***", "___", "**", "__", "~~", "*", "_"] as const;

const EMPHASIS = MARKERS.map((marker) => {
  const m = marker.replace(/[*]/g, "\\*");
  const c = marker[0] === "*" ? "\\*" : marker[0];
  // Flanking rules: the opener is not glued to a preceding word (so snake_case
  // and 2*3*4 survive) and hugs its text; the closer mirrors that, and is not
  // followed by a file extension or path (`__init__.py` is a name, not bold).
  return new RegExp(
    `(?<![\\p{L}\\p{N}${c}])${m}(?=[^\\s${c}])(.*?[^\\s${c}])${m}(?![\\p{L}\\p{N}${c}]|[./-][\\p{L}\\p{N}])`,
    "gu",
  );
});

export function stripEmphasis(text: string): string {
  let current = text;
  // Nested emphasis (`**bold _and italic_**`) needs more than one pass.
  for (let pass = 0; pass < 4; pass++) {
    let next = current;
    for (const pattern of EMPHASIS) next = next.replace(pattern, "$1");
    if (next === current) return next;
    current = next;
  }
  return current;
}

/** Any run of whitespace becomes one space; chat bubbles start and end with text. */
export function collapseWhitespace(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}
