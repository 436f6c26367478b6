// Fits the decision model's weights on labelled conversations: every decision
// is turned into the same named features the engine computes at run time
// (analyze.ts), then a class-weighted, L2-regularised logistic regression is
// fitted. The regularisation strength and the speak threshold are chosen on
// held-out folds of the training data (whole conversations held out
// together); the final weights are fitted on all of it. Deterministic: the
// same files give the same model.

import { analyzeDecision, FIELD_PREFIX } from "../analyze";
import type { DecisionModel } from "../weights";
import { FIXED_WEIGHTS } from "../weights";
import { fitLogistic, type LogisticFit, type SparseRows, score } from "./logistic";
import { computeMetrics, type Metrics } from "./metrics";
import type { Scenario } from "./scenarios/load";

export const MODEL_VERSION = 1;

/**
 * L2 multiplier of the part of a weight that only agents with a job get
 * (FIELD_PREFIX). Cross-validation on the training files (10% sample of the
 * real chat plus the scenario set, 5 folds) found no gain from making it
 * dearer: 1 → held-out F1 0.630 / 0.837 (real chat / scenarios), 100 → 0.616 /
 * 0.829, 1000 → 0.581 / 0.737.
 */
export const FIELD_PENALTY = 1;

function penalties(names: readonly string[], field: number): number[] {
  return names.map((n) => (n.startsWith(FIELD_PREFIX) ? field : 1));
}

export interface LabelledSource {
  /** shown in the model's training notes */
  name: string;
  /** total weight of this source relative to the others (each source's classes are balanced within it) */
  weight: number;
  cases: AsyncIterable<Scenario & { conv?: string }> | Iterable<Scenario & { conv?: string }>;
}

export interface FeatureTable {
  names: string[];
  rows: SparseRows;
  /** conversation / room of each row: folds keep them together */
  groups: string[];
  /** index of the source of each row */
  source: number[];
}

export async function buildTable(
  sources: readonly LabelledSource[],
  progress?: (done: number) => void,
): Promise<FeatureTable> {
  const index = new Map<string, number>();
  const rows: SparseRows = { dims: 0, start: [0], cols: [], vals: [], labels: [], weights: [] };
  const groups: string[] = [];
  const source: number[] = [];
  for (const [s, src] of sources.entries()) {
    for await (const c of src.cases) {
      const entries = new Map<number, number>();
      const put = (name: string, value: number) => {
        let col = index.get(name);
        if (col === undefined) {
          col = index.size;
          index.set(name, col);
        }
        entries.set(col, (entries.get(col) ?? 0) + value);
      };
      const analysis = analyzeDecision(c.input);
      // Agents with a job get a second copy of every feature (and of the intercept): the
      // shared weight is what holds everywhere, the copy what differs for them.
      if (analysis.field) put(`${FIELD_PREFIX}base`, 1);
      for (const f of analysis.features) {
        // Hand-set weights are not refitted (their signals are not in the data).
        if (FIXED_WEIGHTS[f.factor] !== undefined) continue;
        put(f.factor, f.value);
        if (analysis.field) put(FIELD_PREFIX + f.factor, f.value);
      }
      for (const [col, value] of [...entries].sort((a, b) => a[0] - b[0])) {
        rows.cols.push(col);
        rows.vals.push(value);
      }
      rows.start.push(rows.cols.length);
      rows.labels.push(c.label === "speak" ? 1 : 0);
      rows.weights.push(0);
      groups.push(`${s}:${c.conv ?? c.situation ?? c.id}`);
      source.push(s);
      if (progress && rows.labels.length % 10_000 === 0) progress(rows.labels.length);
    }
  }
  rows.dims = index.size;
  // Balance the classes within each source, then scale each source to its weight.
  for (const [s, src] of sources.entries()) {
    let pos = 0;
    let neg = 0;
    for (let r = 0; r < source.length; r++) if (source[r] === s) rows.labels[r] === 1 ? pos++ : neg++;
    for (let r = 0; r < source.length; r++)
      if (source[r] === s)
        rows.weights[r] = (src.weight * 0.5) / Math.max(1, rows.labels[r] === 1 ? pos : neg);
  }
  // Columns in name order, so the file does not depend on which feature showed up first.
  const names = [...index.keys()].sort();
  const remap = names.map((n) => index.get(n) as number);
  const inverse = new Array<number>(names.length);
  remap.forEach((old, now) => {
    inverse[old] = now;
  });
  for (let r = 0; r + 1 < rows.start.length; r++) {
    const from = rows.start[r] as number;
    const to = rows.start[r + 1] as number;
    const pairs: Array<[number, number]> = [];
    for (let k = from; k < to; k++)
      pairs.push([inverse[rows.cols[k] as number] as number, rows.vals[k] as number]);
    pairs.sort((a, b) => a[0] - b[0]);
    pairs.forEach(([col, v], i) => {
      rows.cols[from + i] = col;
      rows.vals[from + i] = v;
    });
  }
  return { names, rows, groups, source };
}

/** Fold of each row: groups in name order, dealt round-robin into `folds` folds. */
export function assignFolds(groups: readonly string[], folds: number): number[] {
  const names = [...new Set(groups)].sort();
  const foldOf = new Map(names.map((g, i) => [g, i % folds]));
  return groups.map((g) => foldOf.get(g) ?? 0);
}

/** Out-of-fold P(speak) for every row. */
export function outOfFold(
  table: FeatureTable,
  foldOf: readonly number[],
  folds: number,
  l2: number,
  scale: readonly number[],
): number[] {
  const p = new Array<number>(foldOf.length).fill(0);
  for (let f = 0; f < folds; f++) {
    const trainRows: number[] = [];
    const testRows: number[] = [];
    foldOf.forEach((k, r) => {
      (k === f ? testRows : trainRows).push(r);
    });
    const fit = fitLogistic(table.rows, l2, trainRows, scale);
    for (const r of testRows) p[r] = score(table.rows, r, fit);
  }
  return p;
}

export interface ThresholdChoice {
  threshold: number;
  metrics: Metrics;
  /** what was maximised: F1 (or F1 + balanced accuracy when no threshold keeps the balanced accuracy) */
  objective: number;
}

/**
 * Balanced accuracy the threshold must keep on held-out folds. Real chat the
 * model has not seen scores a little lower than the folds, and missing the
 * moments people chimed in costs more than an extra reply, so the threshold
 * keeps recall up: the best F1 among thresholds with at least this balanced
 * accuracy (the best F1 + balanced accuracy when none reaches it).
 */
export const MIN_BALANCED_ACCURACY = 0.85;

/** The threshold on P(speak) over `rows`: best F1 with balanced accuracy >= MIN_BALANCED_ACCURACY. */
export function chooseThreshold(
  p: readonly number[],
  labels: readonly number[],
  rows: readonly number[],
): ThresholdChoice {
  let best: ThresholdChoice | null = null;
  let fallback: ThresholdChoice | null = null;
  for (let t = 0.05; t < 0.96; t += 0.01) {
    const threshold = Math.round(t * 100) / 100;
    const metrics = computeMetrics(
      rows.map((r) => ({
        predicted: (p[r] as number) >= threshold ? "speak" : "stay_silent",
        label: labels[r] === 1 ? "speak" : "stay_silent",
      })),
    );
    const choice = { threshold, metrics, objective: metrics.f1 };
    if (metrics.balancedAccuracy >= MIN_BALANCED_ACCURACY && (!best || metrics.f1 > best.objective))
      best = choice;
    const both = metrics.f1 + metrics.balancedAccuracy;
    if (!fallback || both > fallback.objective) fallback = { ...choice, objective: both };
  }
  return (best ?? fallback) as ThresholdChoice;
}

export interface TrainOptions {
  folds: number;
  l2Grid: readonly number[];
  /** rows of this source pick the threshold (the large real-chat set) */
  thresholdSource: number;
  /** L2 multiplier of the weights only agents with a job get */
  fieldPenalty?: number;
}

export interface TrainReport {
  model: DecisionModel;
  /** held-out figures of every regularisation strength tried, and of each source at its threshold */
  grid: Array<{ l2: number; choice: ThresholdChoice; bySource: Metrics[] }>;
  final: LogisticFit;
}

const round = (n: number, digits = 6) => Number(n.toFixed(digits));

export function trainModel(
  table: FeatureTable,
  options: TrainOptions,
  notes: Record<string, unknown>,
): TrainReport {
  const foldOf = assignFolds(table.groups, options.folds);
  const thresholdRows = table.source.flatMap((s, r) => (s === options.thresholdSource ? [r] : []));
  const scale = penalties(table.names, options.fieldPenalty ?? FIELD_PENALTY);
  const sources = [...new Set(table.source)].sort((a, b) => a - b);
  const grid = options.l2Grid.map((l2) => {
    const p = outOfFold(table, foldOf, options.folds, l2, scale);
    const choice = chooseThreshold(p, table.rows.labels, thresholdRows);
    const bySource = sources.map((s) =>
      computeMetrics(
        table.source.flatMap((x, r) =>
          x === s
            ? [
                {
                  predicted:
                    (p[r] as number) >= choice.threshold ? ("speak" as const) : ("stay_silent" as const),
                  label: table.rows.labels[r] === 1 ? ("speak" as const) : ("stay_silent" as const),
                },
              ]
            : [],
        ),
      ),
    );
    return { l2, choice, bySource };
  });
  const best = grid.reduce((a, b) => (b.choice.objective > a.choice.objective ? b : a));
  const final = fitLogistic(table.rows, best.l2, undefined, scale);
  const weights: Record<string, number> = {};
  table.names.forEach((name, i) => {
    weights[name] = round(final.weights[i] as number);
  });
  const m = best.choice.metrics;
  return {
    model: {
      version: MODEL_VERSION,
      model: "logistic-regression",
      bias: round(final.bias),
      threshold: best.choice.threshold,
      weights,
      training: {
        ...notes,
        l2: best.l2,
        fieldPenalty: options.fieldPenalty ?? FIELD_PENALTY,
        folds: options.folds,
        heldOut: {
          f1: round(m.f1, 4),
          balancedAccuracy: round(m.balancedAccuracy, 4),
          precision: round(m.precision, 4),
          recall: round(m.recall, 4),
        },
      },
    },
    grid,
    final,
  };
}
