import { describe, expect, it } from "vitest";
import { splitSentences } from "./sentences";

describe("splitSentences", () => {
  it("splits on . ! and ?", () => {
    expect(splitSentences("One here. Two there! Three where? Four.")).toEqual([
      "One here.",
      "Two there!",
      "Three where?",
      "Four.",
    ]);
  });

  it("keeps closing quotes and brackets with their sentence", () => {
    expect(splitSentences('He said "go." Then left. (Really.) Yes')).toEqual([
      'He said "go."',
      "Then left.",
      "(Really.)",
      "Yes",
    ]);
  });

  it.each([
    "Ask Dr. Smith about it.",
    "Use a fruit, e.g. Apples or pears.",
    "That is, i.e. The whole thing.",
    "Mr. and Mrs. Jones met Prof. Xu.",
    "It is red vs. Blue today.",
    "See No. 5 and Fig. 3 for details.",
    "Due Jan. 15 at the latest.",
    "Written by J. R. R. Tolkien himself.",
    "Made in the U.S. And shipped.",
    "Pi is 3.14 and e is 2.718 roughly.",
    "Upgrade to v1.2.3 Today please.",
    "Well... I think so.",
    "Wait… What happened?",
    "Call it approx. ten times.",
  ])("does not split %s", (text) => {
    expect(splitSentences(text)).toEqual([text]);
  });

  it("still splits after a month or 'No.' that is not followed by a number", () => {
    expect(splitSentences("I said No. Then I left.")).toEqual(["I said No.", "Then I left."]);
  });

  it("splits before a sentence that starts with a digit, emoji or quote", () => {
    expect(splitSentences('Done. 42 left. 🎉 Party. "Quote" here.')).toEqual([
      "Done.",
      "42 left.",
      "🎉 Party.",
      '"Quote" here.',
    ]);
  });

  it("never splits inside a word, so a URL without spaces stays whole", () => {
    expect(splitSentences("Go to example.com/a.b. Then stop.")).toEqual([
      "Go to example.com/a.b.",
      "Then stop.",
    ]);
  });

  it("returns nothing for blank text", () => {
    expect(splitSentences("   ")).toEqual([]);
  });
});

describe("splitSentences for chat", () => {
  it("lets a lower-case word start a sentence and ends one at a line break", () => {
    expect(splitSentences("ok. sam can you check? thanks")).toEqual(["ok. sam can you check? thanks"]);
    expect(splitSentences("ok. sam can you check? thanks", { chat: true })).toEqual([
      "ok.",
      "sam can you check?",
      "thanks",
    ]);
    expect(splitSentences("first line\nsecond line", { chat: true })).toEqual(["first line", "second line"]);
  });

  it("still keeps abbreviations and ellipses inside the sentence", () => {
    expect(splitSentences("ask dr. kim... she knows", { chat: true })).toEqual(["ask dr. kim... she knows"]);
  });
});
