import { describe, expect, it } from "vitest";
import {
  creditsSeries,
  decidingReason,
  decisionsSeries,
  delayBucketOf,
  delayHistogram,
  percentileOfCounts,
  speakRateSeries,
  topReasons,
} from "./review-chart-data";

describe("delays", () => {
  it("puts a delay in its bucket", () => {
    expect(delayBucketOf(0)).toBe(0);
    expect(delayBucketOf(999)).toBe(0);
    expect(delayBucketOf(1000)).toBe(1);
    expect(delayBucketOf(600_000)).toBe(9);
  });
  it("takes nearest-rank percentiles from counts", () => {
    const counts = [
      { ms: 3000, n: 1 },
      { ms: 1000, n: 18 },
      { ms: 9000, n: 1 },
    ];
    expect(percentileOfCounts(counts, 50)).toBe(1000);
    expect(percentileOfCounts(counts, 95)).toBe(3000);
    expect(percentileOfCounts(counts, 100)).toBe(9000);
    expect(percentileOfCounts([], 50)).toBeNull();
  });
  it("fills both series of the histogram", () => {
    const h = delayHistogram([{ ms: 1500, n: 2 }], [{ ms: 70_000, n: 2 }]);
    expect(h.buckets[1]).toMatchObject({ firstBubble: 2, lastBubble: 0 });
    expect(h.buckets.at(-1)).toMatchObject({ firstBubble: 0, lastBubble: 2 });
    expect(h.first).toEqual({ n: 2, p50: 1500, p95: 1500 });
  });
});

describe("series", () => {
  const groups = [
    { at: "2026-12-01", agentName: "Sam", decision: "speak", n: 1, credits: 3 },
    { at: "2026-12-01", agentName: "Sam", decision: "stay_silent", n: 3, credits: 3 },
    { at: "2026-12-02", agentName: "Maya", decision: "stay_silent", n: 2, credits: 2 },
    { at: "2026-12-02", agentName: "Maya", decision: "not_asked", n: 5, credits: 0 },
  ];
  it("speak rate per agent and bucket, none where the agent decided nothing", () => {
    const s = speakRateSeries(groups);
    expect(s.agents).toEqual(["Sam", "Maya"]);
    expect(s.points).toEqual([
      { at: "2026-12-01", Sam: 0.25, Maya: null },
      { at: "2026-12-02", Sam: null, Maya: 0 },
    ]);
    expect(speakRateSeries(groups, 1).agents).toEqual(["Sam"]);
  });
  it("decisions and credits per bucket", () => {
    expect(decisionsSeries(groups)).toEqual([
      { at: "2026-12-01", speak: 1, stay_silent: 3, other: 0 },
      { at: "2026-12-02", speak: 0, stay_silent: 2, other: 5 },
    ]);
    expect(creditsSeries(groups)).toEqual([
      { at: "2026-12-01", credits: 6 },
      { at: "2026-12-02", credits: 2 },
    ]);
  });
});

describe("reasons", () => {
  const reasons = [
    { factor: "base", weight: 2 },
    { factor: "addressed_to_other", weight: -1.5 },
    { factor: "open_question", weight: 0.8 },
    { factor: "already_answered", weight: -0.4 },
  ];
  it("the deciding reason is the largest push towards the decision, never the bias", () => {
    expect(decidingReason("speak", reasons)).toBe("open_question");
    expect(decidingReason("stay_silent", reasons)).toBe("addressed_to_other");
    expect(decidingReason("speak", [{ factor: "base", weight: 1 }])).toBeNull();
    expect(decidingReason("not_asked", reasons)).toBeNull();
  });
  it("counts the top reasons per agent and decision, skipping turns without reasons", () => {
    const json = JSON.stringify(reasons);
    const top = topReasons([
      { agentName: "Sam", decision: "speak", reasons: json },
      { agentName: "Sam", decision: "speak", reasons: json },
      { agentName: "Sam", decision: "stay_silent", reasons: json },
      { agentName: "Sam", decision: "stay_silent", reasons: null },
      { agentName: "Sam", decision: "stay_silent", reasons: "not json" },
    ]);
    expect(top).toEqual([
      { agentName: "Sam", decision: "speak", factor: "open_question", turns: 2 },
      { agentName: "Sam", decision: "stay_silent", factor: "addressed_to_other", turns: 1 },
    ]);
  });
});
