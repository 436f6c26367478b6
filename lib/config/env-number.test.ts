import { describe, expect, it } from "vitest";
import { envNumber } from "./env-number";

describe("envNumber", () => {
  it("reads a finite number at or above the minimum", () => {
    expect(envNumber("250", 1000)).toBe(250);
    expect(envNumber("0", 1000)).toBe(0);
    expect(envNumber(" 12.5 ", 1, 1)).toBe(12.5);
    expect(envNumber("1", 8, 1)).toBe(1);
  });

  it("falls back when unset, blank, not a number or below the minimum", () => {
    for (const bad of [undefined, "", " ", "soon", "-5", "Infinity", "NaN"])
      expect(envNumber(bad, 1000)).toBe(1000);
    expect(envNumber("0", 8, 1)).toBe(8);
  });
});
