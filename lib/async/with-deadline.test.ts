import { describe, expect, it } from "vitest";
import { withDeadline } from "./with-deadline";

describe("withDeadline", () => {
  it("returns the result when the work finishes in time", async () => {
    expect(await withDeadline(100, "late", async () => 42)).toBe(42);
  });

  it("rejects at the deadline even when the work ignores its signal", async () => {
    const started = Date.now();
    const never = () => new Promise<number>((resolve) => setTimeout(() => resolve(1), 1000));
    await expect(withDeadline(30, "too slow", never)).rejects.toThrow("too slow");
    expect(Date.now() - started).toBeLessThan(500);
  });

  it("aborts the work's signal when the caller aborts", async () => {
    const caller = new AbortController();
    let seen: AbortSignal | undefined;
    const pending = withDeadline(
      1000,
      "late",
      (signal) => {
        seen = signal;
        return new Promise<number>(() => {});
      },
      caller.signal,
    );
    caller.abort();
    await expect(pending).rejects.toThrow("aborted");
    expect(seen?.aborted).toBe(true);
  });
});
