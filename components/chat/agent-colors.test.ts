import { describe, expect, it } from "vitest";
import { freeColor, STARTER_COLORS } from "./agent-colors";

describe("freeColor", () => {
  it("skips colours the room's agents already wear, whatever their case", () => {
    expect(freeColor([])).toBe(STARTER_COLORS[0]);
    expect(freeColor(["#2563EB", "#db2777", "#16a34a"])).toBe("#059669");
  });

  it("still finds a distinct colour once the palette is used up", () => {
    const taken: string[] = [...STARTER_COLORS];
    for (let i = 0; i < 20; i++) {
      const color = freeColor(taken);
      expect(color).toMatch(/^#[0-9a-f]{6}$/);
      expect(taken).not.toContain(color);
      taken.push(color);
    }
  });
});
