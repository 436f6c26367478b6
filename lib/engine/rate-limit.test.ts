import { describe, expect, it } from "vitest";
import { WriteRateLimit } from "./rate-limit";

describe("WriteRateLimit", () => {
  it("lets a burst through, then refuses until tokens refill", () => {
    const limit = new WriteRateLimit({ perSecond: 2, burst: 3 });
    expect([0, 1, 2].map(() => limit.take("k", 1000))).toEqual([0, 0, 0]);
    expect(limit.take("k", 1000)).toBe(1);
    expect(limit.take("other", 1000)).toBe(0);
    expect(limit.take("k", 1500)).toBe(0);
    expect(limit.take("k", 1500)).toBeGreaterThanOrEqual(1);
  });

  it("is off at 0 per second", () => {
    const limit = new WriteRateLimit({ perSecond: 0, burst: 0 });
    for (let i = 0; i < 100; i++) expect(limit.take("k")).toBe(0);
  });
});
