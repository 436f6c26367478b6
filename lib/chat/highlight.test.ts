import { describe, expect, it } from "vitest";
import { highlightParts } from "./highlight";

describe("highlightParts", () => {
  it("marks every match, ignoring case", () => {
    expect(highlightParts("My 2fa code: 2FA!", "2FA")).toEqual([
      { text: "My ", match: false },
      { text: "2fa", match: true },
      { text: " code: ", match: false },
      { text: "2FA", match: true },
      { text: "!", match: false },
    ]);
  });

  it("takes the search literally", () => {
    expect(highlightParts("a.b axb", "a.b")).toEqual([
      { text: "a.b", match: true },
      { text: " axb", match: false },
    ]);
    expect(highlightParts("(why?)", "why?")).toEqual([
      { text: "(", match: false },
      { text: "why?", match: true },
      { text: ")", match: false },
    ]);
  });

  it("leaves the text whole without a search or a match", () => {
    expect(highlightParts("hello", undefined)).toEqual([{ text: "hello", match: false }]);
    expect(highlightParts("hello", "  ")).toEqual([{ text: "hello", match: false }]);
    expect(highlightParts("hello", "bye")).toEqual([{ text: "hello", match: false }]);
  });
});
