// A piece is a candidate bubble. Pieces are only ever joined, never cut or
// reordered, which is what guarantees that no content is lost.

import { MIN_BUBBLE_WORDS } from "./limits";

export interface Piece {
  text: string;
  /** How this piece attaches to the one before it if the two end up in one bubble. */
  joiner: " " | "\n";
  /** A heading belongs with what follows it, never alone in a bubble. */
  glueNext?: boolean;
  /** A fenced code block: never "tiny", whatever its word count. */
  code?: boolean;
}

export function joinPieces(a: Piece, b: Piece): Piece {
  return { text: `${a.text}${b.joiner}${b.text}`, joiner: a.joiner, glueNext: b.glueNext };
}

export function wordCount(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

function isTiny(piece: Piece): boolean {
  return !piece.code && wordCount(piece.text) < MIN_BUBBLE_WORDS;
}

/** Folds headings and tiny pieces ("Ok.", "Sure.") into the next piece, or the previous one at the end. */
export function absorbTinyPieces(pieces: Piece[]): Piece[] {
  const out: Piece[] = [];
  let carry: Piece | null = null;
  pieces.forEach((piece, index) => {
    const current: Piece = carry ? joinPieces(carry, piece) : piece;
    carry = null;
    const isLast = index === pieces.length - 1;
    if (!isLast && (current.glueNext || isTiny(current))) carry = current;
    else out.push(current);
  });
  const last = out[out.length - 1];
  const beforeLast = out[out.length - 2];
  if (last && beforeLast && isTiny(last)) out.splice(-2, 2, joinPieces(beforeLast, last));
  return out;
}

/** Merges the adjacent pair with the smallest combined length until at most `max` pieces remain. */
export function mergeDownTo(pieces: Piece[], max: number): Piece[] {
  const out = [...pieces];
  while (out.length > max) {
    let best = 0;
    let bestLength = Number.POSITIVE_INFINITY;
    for (let i = 0; i + 1 < out.length; i++) {
      const length = out[i]!.text.length + out[i + 1]!.text.length;
      if (length < bestLength) {
        best = i;
        bestLength = length;
      }
    }
    out.splice(best, 2, joinPieces(out[best]!, out[best + 1]!));
  }
  return out;
}
