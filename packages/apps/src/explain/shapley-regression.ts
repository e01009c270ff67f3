import type { Coalitions } from './shapley-coalitions.js';
import { solveLinearSystem } from './solve-linear-system.js';

/**
 * KernelSHAP's weighted least squares with its two infinite-weight coalitions as constraints:
 * phi_0 = v(empty) and sum_j phi_j = v(full) - v(empty). Eliminating phi_M = D - sum_{j<M} phi_j
 * (D = v(full) - v(empty)) leaves min sum_s w_s (v(z_s) - v(empty) - z_sM D - sum_{j<M} phi_j (z_sj - z_sM))^2,
 * solved on its normal equations (M >= 1 players). v: the value of each coalition. Returns the M values phi_1..phi_M,
 * or undefined when the coalitions do not determine them (too few samples).
 *
 * @example
 * // v(S) = sum of the members' numbers: each player's Shapley value is its number.
 * shapleyRegression(shapleyCoalitions(3, 6, random), 3, values, 0, 6); // [1, 2, 3] for numbers 1, 2, 3
 *
 * In plain words: the fairest split of the total that a straight-line fit through the teams can find.
 */
export function shapleyRegression(
  coalitions: Coalitions,
  m: number,
  values: ArrayLike<number>,
  empty: number,
  full: number,
): Float64Array | undefined {
  const { masks, count, weights } = coalitions;
  const total = full - empty;
  if (m === 1) return Float64Array.of(total);
  const k = m - 1;
  const gram = new Float64Array(k * k);
  const moment = new Float64Array(k);
  const row = new Float64Array(k);
  for (let s = 0; s < count; s++) {
    const last = masks[s * m + k] as number;
    for (let j = 0; j < k; j++) row[j] = (masks[s * m + j] as number) - last;
    const y = (values[s] as number) - empty - last * total;
    const w = weights[s] as number;
    for (let a = 0; a < k; a++) {
      if (row[a] === 0) continue;
      moment[a] = (moment[a] as number) + w * (row[a] as number) * y;
      for (let b = 0; b < k; b++)
        gram[a * k + b] = (gram[a * k + b] as number) + w * (row[a] as number) * (row[b] as number);
    }
  }
  const phi = solveLinearSystem(gram, moment, k);
  if (phi === undefined) return undefined;
  const out = new Float64Array(m);
  out.set(phi);
  out[k] = total - phi.reduce((a, b) => a + b, 0);
  return out;
}
