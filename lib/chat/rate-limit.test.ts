import { describe, expect, it } from "vitest";
import { RateLimiter } from "./rate-limit";

describe("RateLimiter", () => {
  it("allows a burst, then refuses until tokens refill", () => {
    const limiter = new RateLimiter(3, 1);
    expect([0, 0, 0].map(() => limiter.take("u", 0))).toEqual([0, 0, 0]);
    expect(limiter.take("u", 0)).toBe(1);
    expect(limiter.take("u", 1000)).toBe(0);
    expect(limiter.take("other", 0)).toBe(0);
  });
});
