import { describe, expect, it } from "vitest";
import { computeMetrics, type Decision } from "./metrics";

const pairs = (spec: Array<[Decision, Decision]>) => spec.map(([predicted, label]) => ({ predicted, label }));
const S: Decision = "speak";
const Q: Decision = "stay_silent";

describe("computeMetrics", () => {
  it("computes precision, recall, F1, balanced accuracy and speak rate for `speak`", () => {
    // tp 2, fp 1, fn 1, tn 4
    const m = computeMetrics(
      pairs([
        [S, S],
        [S, S],
        [S, Q],
        [Q, S],
        [Q, Q],
        [Q, Q],
        [Q, Q],
        [Q, Q],
      ]),
    );
    expect(m).toMatchObject({ n: 8, tp: 2, fp: 1, fn: 1, tn: 4 });
    expect(m.precision).toBeCloseTo(2 / 3);
    expect(m.recall).toBeCloseTo(2 / 3);
    expect(m.f1).toBeCloseTo(2 / 3);
    expect(m.balancedAccuracy).toBeCloseTo((2 / 3 + 4 / 5) / 2);
    expect(m.speakRate).toBeCloseTo(3 / 8);
  });

  it("gives 0 instead of NaN on empty denominators", () => {
    const never = computeMetrics(
      pairs([
        [Q, S],
        [Q, Q],
      ]),
    );
    expect(never).toMatchObject({ precision: 0, recall: 0, f1: 0, speakRate: 0 });
    expect(never.balancedAccuracy).toBeCloseTo(0.5);
    expect(computeMetrics([])).toMatchObject({ n: 0, f1: 0, balancedAccuracy: 0, speakRate: 0 });
  });

  it("scores a perfect and an always-speak classifier as expected", () => {
    expect(
      computeMetrics(
        pairs([
          [S, S],
          [Q, Q],
        ]),
      ).f1,
    ).toBe(1);
    const always = computeMetrics(
      pairs([
        [S, S],
        [S, Q],
        [S, Q],
        [S, Q],
      ]),
    );
    expect(always.recall).toBe(1);
    expect(always.precision).toBeCloseTo(0.25);
    expect(always.balancedAccuracy).toBeCloseTo(0.5);
  });
});
