// Binary classification metrics with `speak` as the positive class. Empty
// denominators yield 0 rather than NaN so tables stay printable.

export type Decision = "speak" | "stay_silent";

export interface Metrics {
  n: number;
  tp: number;
  fp: number;
  tn: number;
  fn: number;
  precision: number;
  recall: number;
  f1: number;
  /** mean of recall on speak and recall on stay_silent */
  balancedAccuracy: number;
  /** share of predictions that are speak */
  speakRate: number;
}

const ratio = (a: number, b: number) => (b === 0 ? 0 : a / b);

export function computeMetrics(pairs: ReadonlyArray<{ predicted: Decision; label: Decision }>): Metrics {
  let tp = 0;
  let fp = 0;
  let tn = 0;
  let fn = 0;
  for (const { predicted, label } of pairs) {
    if (predicted === "speak") {
      if (label === "speak") tp += 1;
      else fp += 1;
    } else if (label === "speak") fn += 1;
    else tn += 1;
  }
  return metricsFromCounts(tp, fp, tn, fn);
}

export function metricsFromCounts(tp: number, fp: number, tn: number, fn: number): Metrics {
  const precision = ratio(tp, tp + fp);
  const recall = ratio(tp, tp + fn);
  const f1 = ratio(2 * precision * recall, precision + recall);
  const specificity = ratio(tn, tn + fp);
  return {
    n: tp + fp + tn + fn,
    tp,
    fp,
    tn,
    fn,
    precision,
    recall,
    f1,
    balancedAccuracy: (recall + specificity) / 2,
    speakRate: ratio(tp + fp, tp + fp + tn + fn),
  };
}
