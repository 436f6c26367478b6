import { describe, expect, it } from "vitest";
import { mentionsName } from "./mentions";

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

  it("answers the same for a name matched again and again (its pattern is shared)", () => {
    const texts = ["Sam?", "no one here", "hey @sam", "samuel", "SAM!"];
    const once = texts.map((t) => mentionsName(t, "Sam"));
    for (let i = 0; i < 3; i++) expect(texts.map((t) => mentionsName(t, "Sam"))).toEqual(once);
    expect(once).toEqual([true, false, true, false, true]);
  });
});
