import { describe, expect, it } from "vitest";
import { memoize } from "./memoize";

function counted(maxEntries: number) {
  const calls: string[] = [];
  const fn = memoize((key: string) => {
    calls.push(key);
    return { key };
  }, maxEntries);
  return { fn, calls };
}

describe("memoize", () => {
  it("computes a key once while it stays in memory", () => {
    const { fn, calls } = counted(8);
    const first = fn("a");
    expect(fn("a")).toBe(first);
    expect(calls).toEqual(["a"]);
  });

  it("keeps at most maxEntries keys, forgetting the least recently used generation", () => {
    const { fn, calls } = counted(4); // two generations of two
    fn("a");
    fn("b");
    fn("c"); // a and b become the old generation
    fn("a"); // carried over from the old generation: not computed again
    expect(calls).toEqual(["a", "b", "c"]);
    fn("d"); // c and a become the old generation; b is dropped
    fn("b");
    expect(calls).toEqual(["a", "b", "c", "d", "b"]);
    fn("c"); // carried over from the old generation (c, a), which then ends
    expect(calls).toEqual(["a", "b", "c", "d", "b"]);
    fn("a");
    expect(calls).toEqual(["a", "b", "c", "d", "b", "a"]);
  });

  it("does not pin very long keys", () => {
    const { fn, calls } = counted(8);
    const long = "x".repeat(2001);
    fn(long);
    fn(long);
    expect(calls).toHaveLength(2);
  });

  it("stays bounded under a stream of new keys", () => {
    const { fn, calls } = counted(100);
    for (let i = 0; i < 10_000; i++) fn(`k${i}`);
    calls.length = 0;
    for (let i = 9_950; i < 10_000; i++) fn(`k${i}`);
    expect(calls).toEqual([]);
    fn("k0");
    expect(calls).toEqual(["k0"]);
  });
});
