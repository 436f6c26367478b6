import { describe, expect, it } from "vitest";
import { serialRunner } from "./serial-runner";

describe("serialRunner", () => {
  it("never overlaps passes and folds the kicks made during a pass into one more pass", async () => {
    let active = 0;
    let maxActive = 0;
    let passes = 0;
    let release: () => void = () => {};
    const runner = serialRunner(async () => {
      active += 1;
      maxActive = Math.max(maxActive, active);
      passes += 1;
      await new Promise<void>((resolve) => {
        release = resolve;
      });
      active -= 1;
    });
    runner.kick();
    runner.kick();
    runner.kick();
    expect(passes).toBe(1);
    release();
    await new Promise((r) => setTimeout(r, 0));
    expect(passes).toBe(2);
    release();
    await runner.idle();
    expect(passes).toBe(2);
    expect(maxActive).toBe(1);
  });

  it("keeps going after a failing pass", async () => {
    let passes = 0;
    const runner = serialRunner(async () => {
      passes += 1;
      if (passes === 1) throw new Error("boom");
    });
    runner.kick();
    await runner.idle();
    runner.kick();
    await runner.idle();
    expect(passes).toBe(2);
  });
});
