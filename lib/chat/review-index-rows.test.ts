import { describe, expect, it } from "vitest";
import {
  nearestRank,
  paginate,
  percentile,
  type ReviewIndexRow,
  sortRows,
  speakRate,
} from "./review-index-rows";

const row = (id: string, over: Partial<ReviewIndexRow> = {}): ReviewIndexRow => ({
  id,
  name: id,
  agentCount: 3,
  messages: 0,
  turns: 0,
  spoke: 0,
  silences: 0,
  speakRate: null,
  dropped: 0,
  interrupted: 0,
  credits: 0,
  delayP50: null,
  delayP95: null,
  lastActivity: null,
  ...over,
});

describe("percentile (nearest rank)", () => {
  it("takes the value at rank ⌈p × n⌉", () => {
    const xs = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    expect(percentile(xs, 50)).toBe(5);
    expect(percentile(xs, 95)).toBe(10);
    expect(percentile([7], 95)).toBe(7);
    expect(percentile([], 50)).toBeNull();
    expect(nearestRank(20, 95)).toBe(19);
    // The SQL's (n * p + 99) / 100 in integers is the same rank.
    for (const n of [1, 2, 3, 19, 20, 21, 99, 100, 101])
      expect(Math.floor((n * 95 + 99) / 100)).toBe(nearestRank(n, 95));
  });
});

describe("speakRate", () => {
  it("is speak over decisions, and no rate without decisions", () => {
    expect(speakRate(1, 3)).toBe(0.25);
    expect(speakRate(0, 0)).toBeNull();
  });
});

describe("sortRows", () => {
  const rows = [
    row("b", { credits: 5, delayP95: 900, lastActivity: "2026-12-02T00:00:00.000Z" }),
    row("a", { credits: 5, delayP95: null, lastActivity: "2026-12-03T00:00:00.000Z" }),
    row("c", { credits: 9, delayP95: 300, lastActivity: null }),
  ];
  it("sorts figures either way, ties by name", () => {
    expect(sortRows(rows, "credits", "desc").map((r) => r.id)).toEqual(["c", "a", "b"]);
    expect(sortRows(rows, "credits", "asc").map((r) => r.id)).toEqual(["a", "b", "c"]);
  });
  it("puts rooms without a figure last in both directions", () => {
    expect(sortRows(rows, "delayP95", "asc").map((r) => r.id)).toEqual(["c", "b", "a"]);
    expect(sortRows(rows, "delayP95", "desc").map((r) => r.id)).toEqual(["b", "c", "a"]);
    expect(sortRows(rows, "lastActivity", "desc").map((r) => r.id)).toEqual(["a", "b", "c"]);
  });
  it("sorts names case-insensitively", () => {
    const named = [row("1", { name: "beta" }), row("2", { name: "Alpha" })];
    expect(sortRows(named, "name", "asc").map((r) => r.name)).toEqual(["Alpha", "beta"]);
  });
});

describe("paginate", () => {
  it("pages and clamps a page past the end to the last", () => {
    const xs = Array.from({ length: 23 }, (_, i) => i);
    expect(paginate(xs, 1, 10)).toMatchObject({
      rows: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
      page: 1,
      pages: 3,
      total: 23,
    });
    expect(paginate(xs, 9, 10)).toMatchObject({ rows: [20, 21, 22], page: 3 });
    expect(paginate([], 1, 10)).toMatchObject({ rows: [], page: 1, pages: 1, total: 0 });
  });
});
