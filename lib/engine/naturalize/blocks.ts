// Line-level structure of a markdown draft. Paragraphs, list items and code
// fences are the natural places to break a reply into chat bubbles.

export type Block =
  /** Running text; `text` still carries inline markdown, lines are joined with spaces. */
  | { kind: "paragraph" | "item" | "heading"; text: string }
  /** A fenced code block, fences included, kept verbatim apart from its indentation. */
  | { kind: "code"; text: string };

const FENCE_OPEN = /^(\s*)(`{3,}|~{3,})(.*)$/;
const FENCE_CLOSE = /^\s*(`{3,}|~{3,})\s*$/;
const QUOTE_MARKER = /^\s{0,3}>\s?/;
const THEMATIC_BREAK = /^\s{0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/;
const SETEXT_UNDERLINE = /^\s{0,3}=+[ \t]*$/;
const HEADING = /^\s{0,3}#{1,6}(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/;
// Bullets are dropped, but an ordinal ("2.") is kept: later text may refer to "step 2".
const LIST_ITEM = /^\s*(?:[-*+•]|(\d{1,9}[.)]))(?:[ \t]+(.*))?$/;

interface OpenBlock {
  kind: "paragraph" | "item";
  lines: string[];
}

export function parseBlocks(draft: string): Block[] {
  const lines = draft.replace(/\r\n?/g, "\n").split("\n");
  const blocks: Block[] = [];
  let open: OpenBlock | null = null;

  const flush = (kind?: "heading") => {
    if (open) {
      const text = open.lines.map((l) => l.trim()).join(" ");
      if (text.trim() !== "") blocks.push({ kind: kind ?? open.kind, text });
    }
    open = null;
  };

  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i]!;
    const quoted = QUOTE_MARKER.test(raw);
    const line = stripQuoteMarkers(raw);

    const fence = FENCE_OPEN.exec(line);
    if (fence && !(fence[2]!.startsWith("`") && fence[3]!.includes("`"))) {
      flush();
      const end = findFenceEnd(lines, i + 1, fence[2]!, quoted);
      const body = lines.slice(i + 1, end + 1).map((l) => (quoted ? stripQuoteMarkers(l) : l));
      const indent = fence[1]!.length;
      blocks.push({ kind: "code", text: [line, ...body].map((l) => dedent(l, indent)).join("\n") });
      i = end;
      continue;
    }

    if (line.trim() === "") {
      flush();
      continue;
    }
    // `---` under a paragraph is a setext heading; elsewhere a horizontal rule.
    // Neither renders in chat, and neither carries words.
    if (THEMATIC_BREAK.test(line) || (SETEXT_UNDERLINE.test(line) && open?.kind === "paragraph")) {
      flush(open?.kind === "paragraph" ? "heading" : undefined);
      continue;
    }
    const heading = HEADING.exec(line);
    if (heading) {
      flush();
      if (heading[1]?.trim()) blocks.push({ kind: "heading", text: heading[1] });
      continue;
    }
    const item = LIST_ITEM.exec(line);
    if (item) {
      flush();
      const text = item[2] ?? "";
      open = { kind: "item", lines: [item[1] && text.trim() ? `${item[1]} ${text}` : text] };
      continue;
    }
    // An indented line continues the list item above; an unindented one after
    // a list starts fresh text, which reads better in chat than a lazy continuation.
    if (open && (open.kind === "paragraph" || /^\s/.test(line))) {
      open.lines.push(line);
      continue;
    }
    flush();
    open = { kind: "paragraph", lines: [line] };
  }
  flush();
  return blocks;
}

function stripQuoteMarkers(line: string): string {
  let out = line;
  while (QUOTE_MARKER.test(out)) out = out.replace(QUOTE_MARKER, "");
  return out;
}

/** Index of the closing fence line, or the last line when the fence never closes. */
function findFenceEnd(lines: string[], from: number, opener: string, quoted: boolean): number {
  for (let j = from; j < lines.length; j++) {
    const line = quoted ? stripQuoteMarkers(lines[j]!) : lines[j]!;
    const close = FENCE_CLOSE.exec(line);
    if (close && close[1]![0] === opener[0] && close[1]!.length >= opener.length) return j;
  }
  return lines.length - 1;
}

function dedent(line: string, indent: number): string {
  let n = 0;
  while (n < indent && line[n] === " ") n++;
  return line.slice(n);
}
