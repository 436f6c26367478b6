import { describe, expect, it } from "vitest";
import { checkRewrite, extractFacts, findMissingFacts } from "./content-check";

const DRAFT = [
  "The fix is in [PR 482](https://git.example.com/pr/482). Run `make test.unit` before 10:30,",
  "it takes 3.5 minutes.",
  "",
  "```sh",
  "make deploy ENV=prod",
  "```",
].join("\n");

describe("extractFacts", () => {
  it("finds numbers, URLs, code spans and code blocks", () => {
    expect(extractFacts(DRAFT)).toEqual({
      numbers: ["482", "10:30", "3.5"],
      urls: ["https://git.example.com/pr/482"],
      codeSpans: ["`make test.unit`"],
      codeBlocks: ["make deploy ENV=prod"],
    });
  });

  it("does not count bullet markers, but does count ordinals", () => {
    expect(extractFacts("- a\n- b\n1. c").numbers).toEqual(["1"]);
  });
});

describe("findMissingFacts", () => {
  const kept = [
    "The fix is in PR 482: https://git.example.com/pr/482",
    "Run `make test.unit` before 10:30, it takes 3.5 minutes",
    "```sh\nmake deploy ENV=prod\n```",
  ];

  it("is empty when everything is kept", () => {
    expect(findMissingFacts(DRAFT, kept)).toEqual([]);
  });

  it("reports a dropped or altered number", () => {
    expect(
      findMissingFacts(DRAFT, [kept[0]!, "Run `make test.unit` before 10:30, takes 3 minutes", kept[2]!]),
    ).toEqual(["number 3.5"]);
  });

  it("does not accept a number as a part of a longer one", () => {
    expect(findMissingFacts("Wait 5 minutes.", ["Wait 15 minutes."])).toEqual(["number 5"]);
  });

  it("reports a dropped link, code span and code block", () => {
    expect(findMissingFacts(DRAFT, ["PR 482, run make test.unit before 10:30, 3.5 minutes"])).toEqual([
      "link https://git.example.com/pr/482",
      "code `make test.unit`",
      "a code block",
    ]);
  });
});

describe("checkRewrite", () => {
  const draft = "Sure, the meeting moved to 3pm on Friday in room 12.";

  it("accepts a faithful rewrite", () => {
    expect(checkRewrite(draft, ["sure!", "meeting moved to 3pm friday, room 12"])).toBeUndefined();
  });

  it("rejects no messages, too many, or an empty one", () => {
    expect(checkRewrite(draft, [])).toMatch(/expected 1-5/);
    expect(checkRewrite(draft, ["3pm", "12", "a", "b", "c", "d"])).toMatch(/expected 1-5/);
    expect(checkRewrite(draft, ["3pm 12", "  "])).toBe("empty message");
  });

  it("rejects a message over 4000 chars", () => {
    expect(checkRewrite(draft, [`3pm 12 ${"x".repeat(4000)}`])).toMatch(/over 4000/);
  });

  it("rejects a rewrite that lost most of the words", () => {
    const long =
      "We looked at every part of the pipeline today and found that the slow step is the image resize, which runs twice per upload for no reason at all.";
    expect(checkRewrite(long, ["resize runs twice"])).toMatch(/too short/);
  });

  it("rejects a rewrite that invents a lot", () => {
    expect(checkRewrite("ok, 3pm works", ["ok 3pm works", "word ".repeat(40)])).toMatch(/too long/);
  });
});
