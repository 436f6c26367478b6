import { describe, expect, it } from "vitest";
import { LruMap } from "./lru-map";

describe("LruMap", () => {
  it("forgets the least recently used entry beyond its capacity", () => {
    const map = new LruMap<string, number>(2);
    map.set("a", 1).set("b", 2);
    expect(map.get("a")).toBe(1);
    map.set("c", 3);
    expect(map.has("b")).toBe(false);
    expect([map.get("a"), map.get("c"), map.size]).toEqual([1, 3, 2]);
  });

  it("counts a peek as no use, and an update as one", () => {
    const map = new LruMap<string, number>(2);
    map.set("a", 1).set("b", 2);
    expect(map.peek("a")).toBe(1);
    map.set("c", 3);
    expect(map.has("a")).toBe(false);
    map.set("b", 20).set("d", 4);
    expect([map.has("c"), map.get("b")]).toEqual([false, 20]);
    expect(map.delete("b")).toBe(true);
    expect(map.size).toBe(1);
  });
});
