import { assertPositive } from '../checks/value-checks.js';
import { assertSpecKeys, registerInitializer, shapeSize, type Initializer } from './initializer.js';

/**
 * Orthogonal: the weight, seen as a matrix [prod(shape[:-1]), shape[-1]], has orthonormal rows or
 * columns (whichever are fewer), times `gain` (default 1). Made by Gram-Schmidt QR of a standard
 * normal matrix with the signs of R's diagonal folded in (Saxe et al.), in float64 JavaScript.
 * Spec: `{ name: 'orthogonal', gain }`. Favoured for recurrent kernels: W^T W = I keeps norms.
 * @example orthogonal()([4, 4], createRandom(1)); // a 4x4 rotation/reflection
 * In plain words: knobs that turn the signal around without stretching or squashing it.
 */
export function orthogonal(gain = 1): Initializer {
  assertPositive('orthogonal', 'gain', gain);
  return (shape, random) => {
    const cols = shape.length === 0 ? 1 : (shape.at(-1) as number);
    const rows = cols === 0 ? 0 : shapeSize(shape) / cols;
    const values = new Float32Array(rows * cols);
    if (rows === 0 || cols === 0) return values;
    // Orthonormalise the columns of a tall matrix [n, k] (n >= k), then transpose if needed.
    const n = Math.max(rows, cols);
    const k = Math.min(rows, cols);
    const q: Float64Array[] = [];
    for (let j = 0; j < k; j++) {
      const v = Float64Array.from({ length: n }, () => random.normal());
      for (const u of q) {
        let dot = 0;
        for (let i = 0; i < n; i++) dot += (u[i] as number) * (v[i] as number);
        for (let i = 0; i < n; i++) v[i] = (v[i] as number) - dot * (u[i] as number);
      }
      let norm = 0;
      for (let i = 0; i < n; i++) norm += (v[i] as number) ** 2;
      norm = Math.sqrt(norm) || 1;
      for (let i = 0; i < n; i++) v[i] = (v[i] as number) / norm;
      q.push(v);
    }
    for (let r = 0; r < rows; r++) {
      for (let c = 0; c < cols; c++) {
        // rows >= cols: column c of Q; rows < cols: row r is column r of Q.
        values[r * cols + c] =
          gain * (rows >= cols ? ((q[c] as Float64Array)[r] as number) : ((q[r] as Float64Array)[c] as number));
      }
    }
    return values;
  };
}

registerInitializer('orthogonal', (parameters) => {
  assertSpecKeys('orthogonal', parameters, ['gain']);
  return orthogonal((parameters.gain as number | undefined) ?? 1);
});
