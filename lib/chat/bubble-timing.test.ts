import { describe, expect, it } from "vitest";
import { bubbleLagMs, formatDelay, formatLag } from "./bubble-timing";

const t = (ms: number) => new Date(Date.UTC(2026, 11, 4, 12) + ms).toISOString();

describe("bubble timing", () => {
  it("measures shown minus scheduled", () => {
    expect(bubbleLagMs({ deliverAt: t(0), shownAt: t(420) })).toBe(420);
    expect(bubbleLagMs({ deliverAt: t(500), shownAt: t(200) })).toBe(-300);
    expect(bubbleLagMs({ deliverAt: t(0), shownAt: null })).toBeNull();
  });

  it("says on time, late or early", () => {
    expect(formatLag(20)).toBe("on time");
    expect(formatLag(-49)).toBe("on time");
    expect(formatLag(420)).toBe("0.42 s late");
    expect(formatLag(-1500)).toBe("1.50 s early");
    expect(formatLag(12_340)).toBe("12.3 s late");
    expect(formatLag(null)).toBeNull();
  });

  it("gives the delay from the message heard to a scheduled bubble", () => {
    expect(formatDelay(t(0), t(2400))).toBe("2.4 s");
    expect(formatDelay(t(0), null)).toBeNull();
  });
});
