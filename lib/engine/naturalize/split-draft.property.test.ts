// Property-style check over generated markdown drafts: whatever the mix of
// blocks and inline markup, the bubbles are 1–5, never empty, and hold
// exactly the words the generator put in, in order. The expected words are
// computed by the generator itself, independently of the naturalizer.

import { describe, expect, it } from "vitest";
import { MAX_BUBBLE_CHARS, MAX_BUBBLES } from "./limits";
import { naturalize, toChatText } from "./split-draft";

/** Small seeded PRNG so every run sees the same drafts. */
function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PLAIN = [
  "the",
  "build",
  "passed",
  "Alice",
  "deploy",
  "café",
  "naïve",
  "tomorrow",
  "quickly",
  "server",
  "logs",
];
const TRICKY = [
  "e.g.",
  "Dr.",
  "3.14",
  "v1.2.3",
  "1,000",
  "10:30",
  "👩‍💻",
  "🇺🇸🇯🇵",
  "👍🏽",
  "`obj.method()`",
  "`npm run test`",
  "https://example.com/a_b?x=1.5",
  "snake_case",
  "2*3",
  "U.S.",
  "...",
];
const CODE = "```js\nconst a = obj.b(1.5);\n\nif (a) {\n  run(); // done. ok\n}\n```";

interface Generated {
  text: string;
  words: string[];
}

function generate(random: () => number): Generated {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const int = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));

  // A sentence: plain and tricky words, some wrapped in emphasis, sometimes a link.
  const sentence = (): Generated => {
    const text: string[] = [];
    const expected: string[] = [];
    const length = int(1, 14);
    for (let i = 0; i < length; i++) {
      const roll = random();
      if (roll < 0.15) {
        const word = pick(PLAIN);
        const marker = pick(["**", "_", "*", "__", "~~"]);
        text.push(`${marker}${word}${marker}`);
        expected.push(word);
      } else if (roll < 0.2) {
        const label = [pick(PLAIN), pick(PLAIN)];
        text.push(`[${label.join(" ")}](https://docs.example.com/p_${i})`);
        expected.push(...label, `(https://docs.example.com/p_${i})`);
      } else if (roll < 0.45) {
        const word = pick(TRICKY);
        text.push(word);
        expected.push(...word.split(" "));
      } else {
        const word = pick(PLAIN);
        text.push(word);
        expected.push(word);
      }
    }
    // The first word must not read as a list marker or heading; none of ours do.
    const end = pick([".", "!", "?", "", "..."]);
    const last = text.length - 1;
    text[last] = `${text[last]}${end}`;
    expected[expected.length - 1] = `${expected[expected.length - 1]}${end}`;
    return { text: text.join(" "), words: expected };
  };

  const sentences = (count: number, separator: () => string): Generated => {
    const parts = Array.from({ length: count }, sentence);
    return {
      text: parts.map((p, i) => (i === 0 ? p.text : `${separator()}${p.text}`)).join(""),
      words: parts.flatMap((p) => p.words),
    };
  };

  const block = (): Generated => {
    const roll = random();
    if (roll < 0.35) return sentences(int(1, 8), () => pick([" ", " ", "\n", "  "]));
    if (roll < 0.55) {
      const items = Array.from({ length: int(1, 14) }, sentence);
      const numbered = random() < 0.4;
      return {
        text: items
          .map((item, i) => (numbered ? `${i + 1}. ` : pick(["- ", "* ", "+ "])) + item.text)
          .join("\n"),
        words: items.flatMap((item, i) => (numbered ? [`${i + 1}.`, ...item.words] : item.words)),
      };
    }
    if (roll < 0.65) {
      const heading = sentence();
      return { text: `${"#".repeat(int(1, 3))} ${heading.text}`, words: heading.words };
    }
    if (roll < 0.75) {
      const quote = sentences(int(1, 3), () => "\n> ");
      return { text: `> ${quote.text}`, words: quote.words };
    }
    if (roll < 0.82) return { text: CODE, words: CODE.split(/\s+/) };
    if (roll < 0.86) return { text: "---", words: [] };
    return sentences(1, () => " ");
  };

  const blocks = Array.from({ length: int(1, 9) }, block);
  return {
    text: blocks.map((b) => b.text).join(pick(["\n\n", "\n\n\n", "\n  \n"])),
    words: blocks.flatMap((b) => b.words),
  };
}

const words = (text: string) => text.split(/\s+/).filter(Boolean);

describe("naturalize: generated drafts", () => {
  const random = mulberry32(20260616);
  const drafts = Array.from({ length: 200 }, () => generate(random)).filter((d) => d.words.length > 0);

  it("generates a varied corpus", () => {
    expect(drafts.length).toBeGreaterThan(150);
    expect(drafts.some((d) => d.text.includes("```"))).toBe(true);
    expect(drafts.some((d) => naturalize(d.text).length === MAX_BUBBLES)).toBe(true);
    expect(drafts.some((d) => naturalize(d.text).length === 1)).toBe(true);
  });

  it.each(drafts.map((d, i) => [i, d] as const))(
    "draft %i: 1–5 non-empty bubbles with every word in order",
    (_, draft) => {
      const bubbles = naturalize(draft.text);
      expect(bubbles.length).toBeGreaterThanOrEqual(1);
      expect(bubbles.length).toBeLessThanOrEqual(MAX_BUBBLES);
      for (const bubble of bubbles) {
        expect(bubble.trim()).not.toBe("");
        expect(bubble).toBe(bubble.trim());
        if (draft.text.length <= MAX_BUBBLE_CHARS)
          expect(bubble.length).toBeLessThanOrEqual(MAX_BUBBLE_CHARS);
      }
      expect(words(bubbles.join(" "))).toEqual(draft.words);
      expect(words(toChatText(draft.text))).toEqual(draft.words);
      if (draft.text.includes(CODE)) expect(bubbles.some((b) => b.includes(CODE))).toBe(true);
    },
  );

  it("is deterministic", () => {
    for (const draft of drafts.slice(0, 20)) expect(naturalize(draft.text)).toEqual(naturalize(draft.text));
  });
});
