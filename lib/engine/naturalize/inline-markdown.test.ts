import { describe, expect, it } from "vitest";
import { collapseWhitespace, stripEmphasis } from "./inline-markdown";

describe("stripEmphasis", () => {
  it.each([
    ["**bold**", "bold"],
    ["__bold__", "bold"],
    ["*italic*", "italic"],
    ["_italic_", "italic"],
    ["***both***", "both"],
    ["~~struck~~", "struck"],
    ["**bold _and italic_**", "bold and italic"],
    ["a **two words** b", "a two words b"],
    ["**done**.", "done."],
    ["(*aside*)", "(aside)"],
    ["**🎉**", "🎉"],
  ])("strips %s", (input, expected) => {
    expect(stripEmphasis(input)).toBe(expected);
  });

  it.each([
    "snake_case_name",
    "2*3*4",
    "5 * 3 * 2",
    "a ** b",
    "__init__.py is a_b",
    "~5 minutes",
    "*",
    "****",
    "*args and **kwargs",
  ])("leaves %s alone", (input) => {
    expect(stripEmphasis(input)).toBe(input);
  });
});

describe("collapseWhitespace", () => {
  it("collapses runs of any whitespace and trims", () => {
    expect(collapseWhitespace("  a \t b\n\nc  ")).toBe("a b c");
  });

  it("keeps zero-width joiners inside emoji", () => {
    expect(collapseWhitespace(" 👩‍💻  ok ")).toBe("👩‍💻 ok");
  });
});
