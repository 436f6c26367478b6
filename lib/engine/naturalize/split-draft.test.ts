import { describe, expect, it } from "vitest";
import { MAX_BUBBLE_CHARS, MAX_BUBBLES } from "./limits";
import { naturalize, toChatText } from "./split-draft";

const words = (text: string) => text.split(/\s+/).filter(Boolean);

/** The invariants every result must meet, whatever the draft. */
function expectWellFormed(draft: string, bubbles: string[]): void {
  expect(bubbles.length).toBeGreaterThanOrEqual(1);
  expect(bubbles.length).toBeLessThanOrEqual(MAX_BUBBLES);
  for (const bubble of bubbles) {
    expect(bubble.trim()).not.toBe("");
    expect(bubble.length).toBeLessThanOrEqual(MAX_BUBBLE_CHARS);
  }
  expect(words(bubbles.join(" "))).toEqual(words(toChatText(draft)));
}

function split(draft: string): string[] {
  const bubbles = naturalize(draft);
  expectWellFormed(draft, bubbles);
  return bubbles;
}

const SENTENCE = "This sentence is long enough to count as a real thought on its own";

describe("naturalize: short drafts", () => {
  it("keeps a single word as one bubble", () => {
    expect(split("hi")).toEqual(["hi"]);
  });

  it("keeps one short sentence as one bubble", () => {
    expect(split("Sure, I can look into that for you.")).toEqual(["Sure, I can look into that for you."]);
  });

  it("keeps a short paragraph of several sentences together", () => {
    expect(split("Ok. Sure. Let me check the logs.")).toEqual(["Ok. Sure. Let me check the logs."]);
  });

  it("trims and collapses whitespace", () => {
    expect(split("  hello \t  there\n  friend  ")).toEqual(["hello there friend"]);
  });

  it("returns no bubbles for a blank draft", () => {
    expect(naturalize("")).toEqual([]);
    expect(naturalize(" \n\t \n ")).toEqual([]);
  });

  it("keeps a draft made only of markup rather than returning nothing", () => {
    expect(split("---")).toEqual(["---"]);
  });
});

describe("naturalize: paragraphs", () => {
  it("splits on blank lines", () => {
    expect(split(`${SENTENCE} one.\n\n${SENTENCE} two.`)).toEqual([`${SENTENCE} one.`, `${SENTENCE} two.`]);
  });

  it("treats whitespace-only lines as paragraph breaks", () => {
    expect(split(`${SENTENCE} one.\n   \t\n${SENTENCE} two.`)).toHaveLength(2);
  });

  it("joins soft line breaks inside a paragraph", () => {
    expect(split("first half of the line\nsecond half of the line")).toEqual([
      "first half of the line second half of the line",
    ]);
  });

  it("merges a tiny greeting paragraph into the next one", () => {
    expect(split(`Hey!\n\n${SENTENCE}.`)).toEqual([`Hey!\n${SENTENCE}.`]);
  });

  it("merges a tiny sign-off into the previous bubble", () => {
    expect(split(`${SENTENCE}.\n\n${SENTENCE} too.\n\nCheers!`)).toEqual([
      `${SENTENCE}.`,
      `${SENTENCE} too.\nCheers!`,
    ]);
  });
});

describe("naturalize: long paragraphs", () => {
  const long = [
    "I looked at the failing deploy from this morning and traced it back to the config change.",
    "The new timeout was set in seconds while the service expects milliseconds.",
    "That made every health check fail after a few milliseconds.",
    "I reverted the value and the deploy went through on the second try.",
  ].join(" ");

  it("splits into sentences, regrouped into chat-sized bubbles", () => {
    expect(split(long)).toEqual([
      "I looked at the failing deploy from this morning and traced it back to the config change.",
      "The new timeout was set in seconds while the service expects milliseconds. That made every health check fail after a few milliseconds.",
      "I reverted the value and the deploy went through on the second try.",
    ]);
  });

  it("does not split on abbreviations, decimals, versions, URLs, code or ellipses", () => {
    const tricky =
      "Dr. Smith measured 3.14 on v1.2.3 with `cfg.load()` e.g. twice... See https://ex.com/a.b?c=1.5 for the run, I. M. Pei agrees.";
    const rest =
      "Everything else was within normal limits for the build, and nobody reported anything unusual today.";
    expect(split(`${tricky} ${rest}`)).toEqual([tricky, rest]);
  });

  it("merges very short sentences with their neighbours", () => {
    const draft = `Ok. Sure. ${SENTENCE}, and then some more words to make this paragraph long enough. Yes. ${SENTENCE} again, with extra words.`;
    const bubbles = split(draft);
    for (const bubble of bubbles) expect(words(bubble).length).toBeGreaterThanOrEqual(3);
    expect(bubbles[0]!.startsWith("Ok. Sure. This sentence")).toBe(true);
  });
});

describe("naturalize: lists", () => {
  it("splits a bullet list into items and drops the bullets", () => {
    expect(split("- pack the bags today\n- book the train\n* call the hotel")).toEqual([
      "pack the bags today",
      "book the train",
      "call the hotel",
    ]);
  });

  it("keeps ordinals of a numbered list", () => {
    expect(split("1. Open the settings page\n2. Click the reset button\n3. Confirm the dialog")).toEqual([
      "1. Open the settings page",
      "2. Click the reset button",
      "3. Confirm the dialog",
    ]);
  });

  it("keeps the intro line apart from a list of longer items", () => {
    const bubbles = split("Here is what I found out:\n- the cache was cold\n- the index was missing");
    expect(bubbles).toEqual(["Here is what I found out:", "the cache was cold", "the index was missing"]);
  });

  it("folds one-word items together rather than sending a bubble per word", () => {
    expect(split("Buy:\n- milk\n- eggs\n- bread")).toEqual(["Buy:\nmilk\neggs\nbread"]);
  });

  it("merges a 12-item list down to 5 bubbles without losing anything", () => {
    const items = Array.from({ length: 12 }, (_, i) => `item number ${i + 1} of the list`);
    const draft = items.map((item) => `- ${item}`).join("\n");
    const bubbles = split(draft);
    expect(bubbles).toHaveLength(5);
    expect(bubbles.join("\n").split("\n")).toEqual(items);
  });

  it("keeps merged bubbles balanced (shortest neighbours merge first)", () => {
    const draft = [`${SENTENCE} long one.`, "a b c", "d e f", "g h i", "j k l", `${SENTENCE} long two.`].join(
      "\n\n",
    );
    const bubbles = split(draft);
    expect(bubbles).toEqual([
      `${SENTENCE} long one.`,
      "a b c\nd e f",
      "g h i",
      "j k l",
      `${SENTENCE} long two.`,
    ]);
  });
});

describe("naturalize: markdown", () => {
  it("strips headings and glues them to their section", () => {
    expect(split("# Summary\nAll tests pass now.\n\n## Next steps\nShip it on Monday.")).toEqual([
      "Summary\nAll tests pass now.",
      "Next steps\nShip it on Monday.",
    ]);
  });

  it("strips bold and italic markers but keeps the words", () => {
    expect(split("This is **very** important and __also__ *quite* _urgent_ now.")).toEqual([
      "This is very important and also quite urgent now.",
    ]);
  });

  it("leaves snake_case and arithmetic alone", () => {
    expect(split("Set max_retry_count to 2*3*4 please.")).toEqual(["Set max_retry_count to 2*3*4 please."]);
  });

  it("turns links into text (url)", () => {
    expect(split("Read [the guide](https://docs.example.com/guide_v2) first.")).toEqual([
      "Read the guide (https://docs.example.com/guide_v2) first.",
    ]);
  });

  it("strips blockquote markers", () => {
    expect(split("> The server said no.\n> Twice in a row.")).toEqual([
      "The server said no. Twice in a row.",
    ]);
  });

  it("keeps inline code spans verbatim, markdown inside them included", () => {
    expect(split("Run `npm run **build**` and `a_b_c.d()` now.")).toEqual([
      "Run `npm run **build**` and `a_b_c.d()` now.",
    ]);
  });

  it("keeps a fenced code block as one intact bubble", () => {
    const code = "```python\ndef f(x):\n    return x.y  # a. b. c.\n\n\nprint(f(1))\n```";
    const draft = `Here is a fix for the parser bug you reported.\n\n${code}\n\nLet me know if it works for you.`;
    const bubbles = split(draft);
    expect(bubbles).toContain(code);
    expect(bubbles).toHaveLength(3);
  });

  it("keeps a short intro with the code block it introduces", () => {
    const code = "```\nls -la\n```";
    expect(split(`Try this:\n${code}`)).toEqual([`Try this:\n${code}`]);
  });
});

describe("naturalize: emoji and numbers", () => {
  it("keeps ZWJ sequences, flags, skin tones and keycaps intact", () => {
    const draft = "Great work team 👩‍💻👨‍👩‍👧 🇺🇸🇫🇷 👍🏽 1️⃣ done!";
    expect(split(draft)).toEqual([draft]);
  });

  it("splits before a sentence that starts with an emoji without breaking it", () => {
    const draft = `${SENTENCE} and it shipped on time today, with every check green. 👩‍💻 ${SENTENCE} as well, ok?`;
    const bubbles = split(draft);
    expect(bubbles.some((b) => b.startsWith("👩‍💻 "))).toBe(true);
  });

  it("keeps numbers with separators whole", () => {
    const draft = `It costs $1,299.99 at 10:30 on 2026-06-16, a 3.5% rise. ${SENTENCE}, and that is the whole story.`;
    expect(split(draft).join(" ")).toContain("$1,299.99 at 10:30 on 2026-06-16, a 3.5% rise.");
  });
});

describe("naturalize: size limits", () => {
  it("never returns more than 5 bubbles for many paragraphs", () => {
    const draft = Array.from({ length: 40 }, (_, i) => `${SENTENCE} number ${i}.`).join("\n\n");
    expect(split(draft)).toHaveLength(5);
  });

  it("keeps every bubble within 4000 chars for a 4000-char draft", () => {
    const draft = "word ".repeat(800).trim();
    expect(draft.length).toBeLessThanOrEqual(4000);
    expect(split(draft)).toEqual([draft]);
  });

  it("handles a 4000-char draft of one-letter paragraphs", () => {
    const draft = Array.from({ length: 1333 }, () => "a").join("\n\n");
    expect(draft.length).toBeLessThanOrEqual(4000);
    expect(split(draft).length).toBeLessThanOrEqual(5);
  });
});

describe("toChatText", () => {
  it("is the stripped draft, unsplit", () => {
    expect(toChatText("# Hi\n\n- **a** b\n- [c](https://c.io)")).toBe("Hi\na b\nc (https://c.io)");
  });
});
