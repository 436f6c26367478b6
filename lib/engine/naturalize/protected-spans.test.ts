import { describe, expect, it } from "vitest";
import { listCodeSpans, listUrls, protectSpans } from "./protected-spans";

describe("protectSpans", () => {
  it("hides code spans and URLs behind whitespace-free placeholders and restores them", () => {
    const input = "Run `a.b()` at https://x.io/a_b. Done";
    const { text, restore } = protectSpans(input);
    expect(text).not.toContain("a.b()");
    expect(text).not.toContain("x.io");
    expect(text.split(" ")).toHaveLength(input.split(" ").length);
    expect(restore(text)).toBe(input);
  });

  it("leaves sentence punctuation after a URL outside it", () => {
    const { text } = protectSpans("see https://example.com/path).");
    expect(text.endsWith(").")).toBe(true);
  });

  it("keeps balanced parentheses inside a URL", () => {
    const { text, restore } = protectSpans("see https://en.wikipedia.org/wiki/Foo_(bar)");
    expect(text).not.toContain("(");
    expect(restore(text)).toBe("see https://en.wikipedia.org/wiki/Foo_(bar)");
  });

  it("spells a markdown link out as label (url)", () => {
    const { text, restore } = protectSpans("read [the **docs**](https://d.io/x_y) now");
    expect(restore(text)).toBe("read the **docs** (https://d.io/x_y) now");
  });

  it("keeps just the URL when the label is empty or the URL itself", () => {
    const { text, restore } = protectSpans("[](https://a.io) [https://b.io](https://b.io) <https://c.io>");
    expect(restore(text)).toBe("https://a.io https://b.io https://c.io");
  });

  it("turns an image into alt (url)", () => {
    const { text, restore } = protectSpans("![a cat](https://c.io/cat.png)");
    expect(restore(text)).toBe("a cat (https://c.io/cat.png)");
  });

  it("resolves backslash escapes to the literal character", () => {
    const { text, restore } = protectSpans("\\*not bold\\* and \\_x\\_ and C:\\Users");
    expect(text).not.toContain("*");
    expect(restore(text)).toBe("*not bold* and _x_ and C:\\Users");
  });

  it("matches code spans by backtick run length", () => {
    const { text, restore } = protectSpans("use `` a ` b `` here");
    expect(text).not.toContain("`");
    expect(restore(text)).toBe("use `` a ` b `` here");
  });

  it("leaves an unmatched backtick as text", () => {
    const { text, restore } = protectSpans("it's 5` tall");
    expect(text).toBe("it's 5` tall");
    expect(restore(text)).toBe("it's 5` tall");
  });

  it("does not confuse input that already holds private-use characters", () => {
    const input = "\uE000 0 \uE000 `x` \uE001";
    const { text, restore } = protectSpans(input);
    expect(restore(text)).toBe(input);
  });
});

describe("listCodeSpans / listUrls", () => {
  it("lists code spans with their backticks, ignoring escapes", () => {
    expect(listCodeSpans("\\` `a.b` and ``c`d``")).toEqual(["`a.b`", "``c`d``"]);
  });

  it("lists URLs without trailing punctuation", () => {
    expect(listUrls("go to https://a.io/x, then www.b.com. (https://c.io)")).toEqual([
      "https://a.io/x",
      "www.b.com",
      "https://c.io",
    ]);
  });
});
