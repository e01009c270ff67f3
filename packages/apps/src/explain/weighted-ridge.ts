import { solveLinearSystem } from './solve-linear-system.js';

/** A fitted linear model y ~ intercept + coefficients . z. */
export interface LinearFit {
  coefficients: Float64Array;
  intercept: number;
  /** Weighted R^2 of the fit on its own samples (1 - weighted residual / weighted variance; 1 when y is constant). */
  score: number;
}

/**
 * Weighted ridge regression with an unpenalised intercept (scikit-learn's Ridge with
 * sample_weight): minimise sum_s w_s (y_s - b - beta . z_s)^2 + lambda |beta|^2 over the columns
 * in `columns` (all by default; the others get coefficient 0). Solved on the weighted-centred
 * normal equations (Z_c^T W Z_c + lambda I) beta = Z_c^T W y_c, b = ybar - zbar . beta.
 * z: S x M row-major. Returns undefined when the system is singular (lambda 0 and too few samples).
 *
 * @example
 * weightedRidge(Float64Array.of(0, 1, 2), Float64Array.of(1, 3, 5), Float64Array.of(1, 1, 1), 3, 1, 0);
 * // coefficients [2], intercept 1, score 1
 *
 * In plain words: the straight line through the samples, the near ones counting more, with small slopes preferred.
 */
export function weightedRidge(
  z: ArrayLike<number>,
  y: ArrayLike<number>,
  weights: ArrayLike<number>,
  samples: number,
  m: number,
  lambda: number,
  columns: readonly number[] = Array.from({ length: m }, (_, j) => j),
): LinearFit | undefined {
  const k = columns.length;
  let totalWeight = 0;
  for (let s = 0; s < samples; s++) totalWeight += weights[s] as number;
  const mean = new Float64Array(k);
  let yMean = 0;
  for (let s = 0; s < samples; s++) {
    const w = (weights[s] as number) / totalWeight;
    yMean += w * (y[s] as number);
    columns.forEach((j, c) => {
      mean[c] = (mean[c] as number) + w * (z[s * m + j] as number);
    });
  }
  const gram = new Float64Array(k * k);
  const moment = new Float64Array(k);
  const row = new Float64Array(k);
  for (let s = 0; s < samples; s++) {
    const w = weights[s] as number;
    columns.forEach((j, c) => {
      row[c] = (z[s * m + j] as number) - (mean[c] as number);
    });
    const dy = (y[s] as number) - yMean;
    for (let a = 0; a < k; a++) {
      moment[a] = (moment[a] as number) + w * (row[a] as number) * dy;
      for (let b = 0; b < k; b++)
        gram[a * k + b] = (gram[a * k + b] as number) + w * (row[a] as number) * (row[b] as number);
    }
  }
  for (let a = 0; a < k; a++) gram[a * k + a] = (gram[a * k + a] as number) + lambda;
  const beta = k === 0 ? new Float64Array(0) : solveLinearSystem(gram, moment, k);
  if (beta === undefined) return undefined;
  const coefficients = new Float64Array(m);
  columns.forEach((j, c) => {
    coefficients[j] = beta[c] as number;
  });
  const intercept = yMean - mean.reduce((a, v, c) => a + v * (beta[c] as number), 0);
  let [residual, variance] = [0, 0];
  for (let s = 0; s < samples; s++) {
    let fit = intercept;
    columns.forEach((j) => {
      fit += (coefficients[j] as number) * (z[s * m + j] as number);
    });
    residual += (weights[s] as number) * ((y[s] as number) - fit) ** 2;
    variance += (weights[s] as number) * ((y[s] as number) - yMean) ** 2;
  }
  return { coefficients, intercept, score: variance === 0 ? 1 : 1 - residual / variance };
}
