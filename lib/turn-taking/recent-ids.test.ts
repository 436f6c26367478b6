import { describe, expect, it } from "vitest";
import { RecentIds } from "./recent-ids";

describe("RecentIds", () => {
  it("reports repeats and stays within capacity, evicting the least recently seen", () => {
    const ids = new RecentIds(3);
    expect(["a", "b", "c"].map((id) => ids.add(id))).toEqual([true, true, true]);
    expect(ids.add("a")).toBe(false); // refreshes "a"; "b" is now the oldest
    expect(ids.add("d")).toBe(true);
    expect(ids.size).toBe(3);
    expect(ids.has("b")).toBe(false);
    expect(ids.has("a")).toBe(true);
    expect(ids.add("b")).toBe(true);
  });

  it("rejects a capacity below 1", () => {
    expect(() => new RecentIds(0)).toThrow(RangeError);
  });
});
