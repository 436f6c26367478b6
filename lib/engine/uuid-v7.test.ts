import { describe, expect, it } from "vitest";
import { uuidv7 } from "./uuid-v7";

const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe("uuidv7", () => {
  it("is a version 7, RFC variant UUID carrying the time", () => {
    const at = Date.UTC(2026, 10, 22, 12, 0, 0);
    const id = uuidv7(at);
    expect(id).toMatch(UUID_V7);
    expect(Number.parseInt(id.replace(/-/g, "").slice(0, 12), 16)).toBeGreaterThanOrEqual(at);
  });

  it("increases strictly, also many times within one millisecond", () => {
    const ids = Array.from({ length: 10_000 }, () => uuidv7(1_900_000_000_000));
    for (const id of ids) expect(id).toMatch(UUID_V7);
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("never goes backwards when the clock does", () => {
    const later = uuidv7(2_000_000_000_000);
    const earlier = uuidv7(1_999_999_999_000);
    expect(earlier > later).toBe(true);
  });
});
