import { describe, expect, it } from "vitest";
import { absorbTinyPieces, mergeDownTo, type Piece, wordCount } from "./pieces";

const piece = (text: string, joiner: " " | "\n" = "\n"): Piece => ({ text, joiner });
const texts = (pieces: Piece[]) => pieces.map((p) => p.text);

describe("absorbTinyPieces", () => {
  it("joins tiny pieces onto the next one", () => {
    const out = absorbTinyPieces([piece("Ok."), piece("Sure.", " "), piece("Let me check that now.", " ")]);
    expect(texts(out)).toEqual(["Ok. Sure. Let me check that now."]);
  });

  it("joins a tiny last piece onto the previous one", () => {
    const out = absorbTinyPieces([piece("Here is the full plan."), piece("Cheers!")]);
    expect(texts(out)).toEqual(["Here is the full plan.\nCheers!"]);
  });

  it("keeps a lone tiny piece", () => {
    expect(texts(absorbTinyPieces([piece("Ok.")]))).toEqual(["Ok."]);
  });

  it("glues a heading to what follows, even a long heading", () => {
    const heading: Piece = { text: "A rather long section heading", joiner: "\n", glueNext: true };
    expect(texts(absorbTinyPieces([heading, piece("Body text goes here.")]))).toEqual([
      "A rather long section heading\nBody text goes here.",
    ]);
  });

  it("never counts a code block as tiny", () => {
    const code: Piece = { text: "```\nx\n```", joiner: "\n", code: true };
    expect(texts(absorbTinyPieces([piece("Some longer text here."), code]))).toHaveLength(2);
  });
});

describe("mergeDownTo", () => {
  it("merges the shortest adjacent pair first", () => {
    const out = mergeDownTo([piece("aaaaaaaa"), piece("b"), piece("c"), piece("dddddddd")], 3);
    expect(texts(out)).toEqual(["aaaaaaaa", "b\nc", "dddddddd"]);
  });

  it("stops at the limit and keeps order", () => {
    const items = Array.from({ length: 12 }, (_, i) => piece(`item ${i}`));
    const out = mergeDownTo(items, 5);
    expect(out).toHaveLength(5);
    expect(texts(out).join("\n")).toBe(texts(items).join("\n"));
  });

  it("uses each piece's joiner", () => {
    expect(texts(mergeDownTo([piece("a"), piece("b", " "), piece("c")], 1))).toEqual(["a b\nc"]);
  });
});

describe("wordCount", () => {
  it("counts whitespace-separated words", () => {
    expect(wordCount("  a b\n c ")).toBe(3);
    expect(wordCount("")).toBe(0);
  });
});
