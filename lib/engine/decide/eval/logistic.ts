// Weighted, L2-regularised logistic regression fitted by Newton's method
// (iteratively reweighted least squares). The models here have a few dozen
// named features, so each step solves a small dense system exactly; the
// result depends only on the data and its order, never on a random seed.

/** Rows of named feature values, stored sparsely (most features are absent from most rows). */
export interface SparseRows {
  /** number of features (columns) */
  dims: number;
  /** row r's entries are cols/vals[start[r]] .. [start[r + 1]) */
  start: number[];
  cols: number[];
  vals: number[];
  /** 1 = speak, 0 = stay silent */
  labels: number[];
  /** sample weight of each row */
  weights: number[];
}

export interface LogisticFit {
  bias: number;
  weights: number[];
  iterations: number;
}

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

export function score(rows: SparseRows, r: number, fit: LogisticFit): number {
  let z = fit.bias;
  for (let k = rows.start[r] as number; k < (rows.start[r + 1] as number); k++)
    z += (rows.vals[k] as number) * (fit.weights[rows.cols[k] as number] as number);
  return sigmoid(z);
}

/** Solves A x = b for a symmetric positive definite A (Cholesky); A is n×n row-major. */
function solve(a: Float64Array, b: Float64Array, n: number): Float64Array {
  const l = new Float64Array(n * n);
  for (let i = 0; i < n; i++)
    for (let j = 0; j <= i; j++) {
      let sum = a[i * n + j] as number;
      for (let k = 0; k < j; k++) sum -= (l[i * n + k] as number) * (l[j * n + k] as number);
      l[i * n + j] = i === j ? Math.sqrt(Math.max(sum, 1e-12)) : sum / (l[j * n + j] as number);
    }
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let sum = b[i] as number;
    for (let k = 0; k < i; k++) sum -= (l[i * n + k] as number) * (y[k] as number);
    y[i] = sum / (l[i * n + i] as number);
  }
  const x = new Float64Array(n);
  for (let i = n - 1; i >= 0; i--) {
    let sum = y[i] as number;
    for (let k = i + 1; k < n; k++) sum -= (l[k * n + i] as number) * (x[k] as number);
    x[i] = sum / (l[i * n + i] as number);
  }
  return x;
}

/**
 * Minimises Σ wᵢ·logloss(yᵢ, σ(b + x·θ)) / Σ wᵢ + Σⱼ (l2·scaleⱼ / 2)·θⱼ² over
 * the rows `use` (all rows when omitted). The bias is not penalised;
 * `scale` (default 1 for every column) makes some weights dearer than others.
 */
export function fitLogistic(
  rows: SparseRows,
  l2: number,
  use?: readonly number[],
  scale?: readonly number[],
  maxIterations = 30,
): LogisticFit {
  const d = rows.dims;
  const n = d + 1; // parameter 0 is the bias
  const theta = new Float64Array(n);
  const picked = use ?? rows.labels.map((_, r) => r);
  let total = 0;
  for (const r of picked) total += rows.weights[r] as number;
  let iterations = 0;
  for (; iterations < maxIterations; iterations++) {
    const grad = new Float64Array(n);
    const hess = new Float64Array(n * n);
    const idx: number[] = [];
    const val: number[] = [];
    for (const r of picked) {
      idx.length = 0;
      val.length = 0;
      idx.push(0);
      val.push(1);
      let z = theta[0] as number;
      for (let k = rows.start[r] as number; k < (rows.start[r + 1] as number); k++) {
        const c = (rows.cols[k] as number) + 1;
        const v = rows.vals[k] as number;
        idx.push(c);
        val.push(v);
        z += v * (theta[c] as number);
      }
      const p = sigmoid(z);
      const w = (rows.weights[r] as number) / total;
      const g = w * (p - (rows.labels[r] as number));
      const h = w * p * (1 - p);
      for (let a = 0; a < idx.length; a++) {
        const ia = idx[a] as number;
        const va = val[a] as number;
        grad[ia] = (grad[ia] as number) + g * va;
        for (let b = 0; b < idx.length; b++) {
          const ib = idx[b] as number;
          hess[ia * n + ib] = (hess[ia * n + ib] as number) + h * va * (val[b] as number);
        }
      }
    }
    for (let i = 1; i < n; i++) {
      const penalty = l2 * (scale?.[i - 1] ?? 1);
      grad[i] = (grad[i] as number) + penalty * (theta[i] as number);
      hess[i * n + i] = (hess[i * n + i] as number) + penalty;
    }
    // A feature absent from these rows has an empty row and column: keep the system solvable.
    for (let i = 0; i < n; i++) if ((hess[i * n + i] as number) === 0) hess[i * n + i] = 1;
    const step = solve(hess, grad, n);
    let largest = 0;
    for (let i = 0; i < n; i++) {
      theta[i] = (theta[i] as number) - (step[i] as number);
      largest = Math.max(largest, Math.abs(step[i] as number));
    }
    if (largest < 1e-7) {
      iterations += 1;
      break;
    }
  }
  return { bias: theta[0] as number, weights: Array.from(theta.subarray(1)), iterations };
}
