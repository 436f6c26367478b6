import { describe, expect, it } from "vitest";
import { fitLogistic, type SparseRows, score } from "./logistic";

/** Rows whose odds follow bias -1, weights [2, -1.5] exactly: each pattern repeated in the right proportion. */
function dataset(): SparseRows {
  const rows: SparseRows = { dims: 2, start: [0], cols: [], vals: [], labels: [], weights: [] };
  const patterns: Array<[number, number]> = [
    [0, 0],
    [1, 0],
    [0, 1],
    [1, 1],
  ];
  for (const [a, b] of patterns) {
    const p = 1 / (1 + Math.exp(-(-1 + 2 * a - 1.5 * b)));
    for (const label of [1, 0]) {
      if (a) {
        rows.cols.push(0);
        rows.vals.push(a);
      }
      if (b) {
        rows.cols.push(1);
        rows.vals.push(b);
      }
      rows.start.push(rows.cols.length);
      rows.labels.push(label);
      rows.weights.push(label === 1 ? p : 1 - p);
    }
  }
  return rows;
}

describe("fitLogistic", () => {
  it("recovers the weights that generated the data", () => {
    const fit = fitLogistic(dataset(), 0);
    expect(fit.bias).toBeCloseTo(-1, 4);
    expect(fit.weights[0]).toBeCloseTo(2, 4);
    expect(fit.weights[1]).toBeCloseTo(-1.5, 4);
    expect(score(dataset(), 2, fit)).toBeCloseTo(1 / (1 + Math.exp(-1)), 4);
  });

  it("shrinks weights, never the bias, and more where a column costs more", () => {
    const plain = fitLogistic(dataset(), 0.1);
    const dear = fitLogistic(dataset(), 0.1, undefined, [10, 1]);
    expect(Math.abs(plain.weights[0] as number)).toBeLessThan(2);
    expect(Math.abs(dear.weights[0] as number)).toBeLessThan(Math.abs(plain.weights[0] as number));
  });

  it("fits only the rows it is given, and is deterministic", () => {
    const rows = dataset();
    const some = fitLogistic(rows, 0.01, [0, 1, 2, 3]);
    expect(fitLogistic(rows, 0.01, [0, 1, 2, 3])).toEqual(some);
    // Rows 0..3 never show the second feature: its weight stays at zero.
    expect(some.weights[1]).toBe(0);
  });
});
