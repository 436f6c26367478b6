import { describe, expect, it } from "vitest";
import { mentionsName } from "./mentions";
import { normalizeText } from "./normalize";
import { escapeRegExp } from "./regexp";

describe("mentionsName", () => {
  it("finds whole-word and @ mentions, case-insensitively", () => {
    expect(mentionsName("Maya, does this look right?", "Maya")).toBe(true);
    expect(mentionsName("what do you think @maya?", "Maya")).toBe(true);
    expect(mentionsName("ask Dr. Who (the doctor)", "Dr. Who")).toBe(true);
  });

  it("does not match inside other words", () => {
    expect(mentionsName("Mayan ruins", "Maya")).toBe(false);
    expect(mentionsName("samuel", "Sam")).toBe(false);
    expect(mentionsName("ping Hendrik_2", "Hendrik_")).toBe(false);
  });

  it("ignores accents and handles nicknames with punctuation", () => {
    expect(mentionsName("lucia, help?", "Lucía")).toBe(true);
    expect(mentionsName("Hendrik_: try this", "Hendrik_")).toBe(true);
    expect(mentionsName("anything", "  ")).toBe(false);
  });

  it("answers the same when asked again", () => {
    const texts = ["Sam?", "no one here", "hey @sam", "samuel", "SAM!"];
    const once = texts.map((t) => mentionsName(t, "Sam"));
    for (let i = 0; i < 3; i++) expect(texts.map((t) => mentionsName(t, "Sam"))).toEqual(once);
    expect(once).toEqual([true, false, true, false, true]);
  });

  it("treats a letter beyond the Basic Multilingual Plane as part of a word", () => {
    expect(mentionsName("𠀀sam, hi", "Sam")).toBe(false);
    expect(mentionsName("sam𠀀", "Sam")).toBe(false);
    expect(mentionsName("𠀀 sam, hi", "Sam")).toBe(true);
    expect(mentionsName("hi 😀sam", "Sam")).toBe(true);
  });

  it("agrees with the whole-word pattern it replaces on generated lines", () => {
    // The definition as a regular expression, as it was written before: the oracle.
    const oracle = (text: string, name: string) => {
      const wanted = normalizeText(name).trim();
      if (!wanted) return false;
      return new RegExp(`(?<![\\p{L}\\p{N}_])@?${escapeRegExp(wanted)}(?![\\p{L}\\p{N}_])`, "u").test(
        normalizeText(text),
      );
    };
    const pieces = ["sam", "Sam", "@", "_", "x", "1", " ", ",", "é", "𠀀", "😀", "sa", "m", "ssam", ".", "-"];
    const names = ["Sam", "sam_", "Dr. Sam", "ssam", "S"];
    let seed = 7;
    const next = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed;
    };
    for (let i = 0; i < 3000; i++) {
      const length = 1 + (next() % 6);
      const text = Array.from({ length }, () => pieces[next() % pieces.length]).join("");
      const name = names[next() % names.length]!;
      expect(mentionsName(text, name), `${JSON.stringify(text)} names ${name}`).toBe(oracle(text, name));
    }
  });
});
