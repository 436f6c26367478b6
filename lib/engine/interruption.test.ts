import { describe, expect, it } from "vitest";
import { interruptedFrom, interrupts } from "./interruption";

describe("interrupts", () => {
  it("is any line from someone other than the agent", () => {
    expect(interrupts(["Ana"], "Sam")).toBe(true);
    expect(interrupts(["Sam", "Ana"], "Sam")).toBe(true);
    expect(interrupts(["Sam"], "Sam")).toBe(false);
    expect(interrupts([" sam "], "Sam")).toBe(false);
    expect(interrupts(["Ana"], null)).toBe(true);
  });
});

describe("interruptedFrom", () => {
  it("lists cancelled bubbles by position", () => {
    expect(
      interruptedFrom([
        { id: "b", position: 2 },
        { id: "a", position: 0 },
      ]),
    ).toEqual([
      { id: "a", position: 0 },
      { id: "b", position: 2 },
    ]);
  });
});
