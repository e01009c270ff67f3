/**
 * Solves A v = b for a square n x n matrix (row-major, copied, not changed) by Gaussian
 * elimination with partial pivoting, in float64. Returns undefined when A is singular (a pivot
 * below 1e-12 times the largest entry).
 *
 * @example
 * solveLinearSystem(Float64Array.of(2, 0, 0, 4), Float64Array.of(2, 8), 2); // [1, 2]
 *
 * In plain words: the textbook way to undo a small matrix.
 */
export function solveLinearSystem(matrix: Float64Array, rhs: Float64Array, n: number): Float64Array | undefined {
  const a = Float64Array.from(matrix);
  const b = Float64Array.from(rhs);
  const scale = a.reduce((m, v) => Math.max(m, Math.abs(v)), 0);
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let row = col + 1; row < n; row++)
      if (Math.abs(a[row * n + col] as number) > Math.abs(a[pivot * n + col] as number)) pivot = row;
    if (!(Math.abs(a[pivot * n + col] as number) > 1e-12 * scale)) return undefined;
    if (pivot !== col) {
      for (let k = 0; k < n; k++)
        [a[col * n + k], a[pivot * n + k]] = [a[pivot * n + k] as number, a[col * n + k] as number];
      [b[col], b[pivot]] = [b[pivot] as number, b[col] as number];
    }
    for (let row = col + 1; row < n; row++) {
      const factor = (a[row * n + col] as number) / (a[col * n + col] as number);
      if (factor === 0) continue;
      for (let k = col; k < n; k++) a[row * n + k] = (a[row * n + k] as number) - factor * (a[col * n + k] as number);
      b[row] = (b[row] as number) - factor * (b[col] as number);
    }
  }
  const v = new Float64Array(n);
  for (let row = n - 1; row >= 0; row--) {
    let sum = b[row] as number;
    for (let k = row + 1; k < n; k++) sum -= (a[row * n + k] as number) * (v[k] as number);
    v[row] = sum / (a[row * n + row] as number);
  }
  return v;
}
