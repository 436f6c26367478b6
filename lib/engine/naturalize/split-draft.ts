// The deterministic naturalizer: a drafted reply becomes 1–5 chat bubbles,
// split where a person would hit "send" (paragraphs, list items, sentences
// of a long paragraph), with markdown that chat does not render removed.
// It never drops a word: bubbles are only ever joins of whole pieces.

import { splitSentences } from "../../text/sentences";
import { type Block, parseBlocks } from "./blocks";
import { collapseWhitespace, stripEmphasis } from "./inline-markdown";
import { LONG_BLOCK_CHARS, MAX_BUBBLES, SENTENCE_PACK_CHARS } from "./limits";
import { absorbTinyPieces, joinPieces, mergeDownTo, type Piece } from "./pieces";
import { protectSpans } from "./protected-spans";
import { packSentences } from "./sentences";

/**
 * Splits a draft into 1–5 bubbles. Returns `[]` only for a draft with no
 * visible characters (callers validate `content` before this).
 */
export function naturalize(draft: string): string[] {
  const pieces = draftPieces(draft);
  return mergeDownTo(absorbTinyPieces(pieces), MAX_BUBBLES).map((piece) => piece.text);
}

/**
 * The draft as chat shows it: markdown stripped, whitespace collapsed, not
 * split. `naturalize(d)` holds exactly the words of `toChatText(d)`, in order.
 */
export function toChatText(draft: string): string {
  const pieces = draftPieces(draft);
  const [first, ...rest] = pieces;
  return first ? rest.reduce(joinPieces, first).text : "";
}

function draftPieces(draft: string): Piece[] {
  const pieces = parseBlocks(draft).flatMap(blockPieces);
  // Markup with no words at all (a lone `---`) is still what the agent sent.
  if (pieces.length === 0 && draft.trim() !== "") return [{ text: collapseWhitespace(draft), joiner: "\n" }];
  return pieces;
}

function blockPieces(block: Block): Piece[] {
  if (block.kind === "code") return [{ text: block.text, joiner: "\n", code: true }];
  const { text, restore } = protectSpans(block.text);
  const plain = collapseWhitespace(stripEmphasis(text));
  if (plain === "") return [];
  const whole = restore(plain);
  if (block.kind === "heading") return [{ text: whole, joiner: "\n", glueNext: true }];
  if (whole.length <= LONG_BLOCK_CHARS) return [{ text: whole, joiner: "\n" }];
  // Split on the protected text so dots in code spans and URLs are not boundaries.
  const sentences = splitSentences(plain).map(restore);
  return packSentences(sentences, SENTENCE_PACK_CHARS).map((sentence, i) => ({
    text: sentence,
    joiner: i === 0 ? "\n" : " ",
  }));
}
