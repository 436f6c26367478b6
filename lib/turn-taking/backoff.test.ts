import { describe, expect, it } from "vitest";
import { backoffDelay, sleep } from "./backoff";

describe("backoffDelay", () => {
  it("doubles per attempt with jitter between half and all of the nominal delay, capped", () => {
    expect(backoffDelay(0, 200, Number.POSITIVE_INFINITY, () => 0)).toBe(100);
    expect(backoffDelay(0, 200, Number.POSITIVE_INFINITY, () => 1)).toBe(200);
    expect(backoffDelay(2, 200, Number.POSITIVE_INFINITY, () => 0.5)).toBe(600);
    expect(backoffDelay(10, 500, 10_000, () => 1)).toBe(10_000);
    for (let i = 0; i < 100; i++) {
      const d = backoffDelay(3, 100);
      expect(d).toBeGreaterThanOrEqual(400);
      expect(d).toBeLessThanOrEqual(800);
    }
  });
});

describe("sleep", () => {
  it("resolves after the delay, or rejects with the abort reason", async () => {
    await expect(sleep(5)).resolves.toBeUndefined();
    const controller = new AbortController();
    const pending = sleep(10_000, controller.signal);
    controller.abort(new Error("stop"));
    await expect(pending).rejects.toThrow("stop");
    await expect(sleep(5, AbortSignal.abort(new Error("early")))).rejects.toThrow("early");
  });
});
