import { describe, expect, it } from "vitest";
import { parseBlocks } from "./blocks";

describe("parseBlocks", () => {
  it("separates paragraphs on blank lines and joins soft line breaks", () => {
    expect(parseBlocks("one\ntwo\n\n\nthree")).toEqual([
      { kind: "paragraph", text: "one two" },
      { kind: "paragraph", text: "three" },
    ]);
  });

  it("treats whitespace-only lines as blank", () => {
    expect(parseBlocks("a\n   \t\nb").map((b) => b.text)).toEqual(["a", "b"]);
  });

  it("drops bullet markers but keeps ordinals", () => {
    expect(parseBlocks("- a\n* b\n+ c\n• d\n1. e\n2) f")).toEqual([
      { kind: "item", text: "a" },
      { kind: "item", text: "b" },
      { kind: "item", text: "c" },
      { kind: "item", text: "d" },
      { kind: "item", text: "1. e" },
      { kind: "item", text: "2) f" },
    ]);
  });

  it("appends indented continuation lines to the list item", () => {
    expect(parseBlocks("- first line\n  still first\nafter the list")).toEqual([
      { kind: "item", text: "first line still first" },
      { kind: "paragraph", text: "after the list" },
    ]);
  });

  it("lets a list interrupt a paragraph", () => {
    expect(parseBlocks("Options:\n- x\n- y").map((b) => b.kind)).toEqual(["paragraph", "item", "item"]);
  });

  it("reads ATX and setext headings", () => {
    expect(parseBlocks("## Plan ##\nbody\n\nTitle\n=====\ntext")).toEqual([
      { kind: "heading", text: "Plan" },
      { kind: "paragraph", text: "body" },
      { kind: "heading", text: "Title" },
      { kind: "paragraph", text: "text" },
    ]);
  });

  it("does not take a hashtag for a heading", () => {
    expect(parseBlocks("#1 priority")).toEqual([{ kind: "paragraph", text: "#1 priority" }]);
  });

  it("drops thematic breaks", () => {
    expect(parseBlocks("a\n\n---\n\n* * *\n\nb").map((b) => b.text)).toEqual(["a", "b"]);
  });

  it("strips blockquote markers, nested ones too", () => {
    expect(parseBlocks("> quoted\n>> deeper\n>\n> - item")).toEqual([
      { kind: "paragraph", text: "quoted deeper" },
      { kind: "item", text: "item" },
    ]);
  });

  it("keeps a fenced code block verbatim, blank lines included", () => {
    const code = "```ts\nconst a = 1;\n\n  if (a) {  }\n```";
    expect(parseBlocks(`before\n${code}\nafter`)).toEqual([
      { kind: "paragraph", text: "before" },
      { kind: "code", text: code },
      { kind: "paragraph", text: "after" },
    ]);
  });

  it("supports tilde fences and longer closing fences", () => {
    expect(parseBlocks("~~~\n```\nx\n~~~~")).toEqual([{ kind: "code", text: "~~~\n```\nx\n~~~~" }]);
  });

  it("runs an unclosed fence to the end of the draft", () => {
    expect(parseBlocks("```\nx\n\ny")).toEqual([{ kind: "code", text: "```\nx\n\ny" }]);
  });

  it("dedents a code block by its fence's indentation", () => {
    expect(parseBlocks("  ```\n  x\n    y\n  ```")).toEqual([{ kind: "code", text: "```\nx\n  y\n```" }]);
  });

  it("normalizes CRLF line endings", () => {
    expect(parseBlocks("a\r\n\r\nb").map((b) => b.text)).toEqual(["a", "b"]);
  });
});
