import { describe, expect, it } from "vitest";
import { countWords, DEFAULT_PACING, scheduleTimes, typingMs } from "./pacing";

describe("pacing", () => {
  it("counts whitespace-separated words", () => {
    expect(countWords("  hello   there\nfriend ")).toBe(3);
    expect(countWords("")).toBe(0);
  });

  it("applies the 500 ms floor and the max_typing_ms cap", () => {
    expect(typingMs(1, DEFAULT_PACING)).toBe(500);
    expect(typingMs(5, DEFAULT_PACING)).toBe(2000);
    expect(typingMs(1000, DEFAULT_PACING)).toBe(8000);
    expect(typingMs(1, { ...DEFAULT_PACING, max_typing_ms: 300 })).toBe(300);
  });

  it("follows deliver_0 = created + reading + typing_0, deliver_i = deliver_{i-1} + 200 + typing_i", () => {
    const times = scheduleTimes(["one two three four five", "six"], 1_000, {
      ...DEFAULT_PACING,
      reading_delay_ms: 700,
    });
    expect(times).toEqual([1_000 + 700 + 2_000, 1_000 + 700 + 2_000 + 200 + 500]);
  });
});
