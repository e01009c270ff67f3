import { type HostTensor, sizeOf } from './onnx-ir.js';

/**
 * Small host-side tensor helpers for weights and folded constants (plain loops over a few thousand
 * values at most: run once per import, not per step).
 */

/** A float32 host tensor. */
export function floatTensor(shape: number[], values: ArrayLike<number>): HostTensor {
  return { dtype: 'float32', shape, values: Float32Array.from(values) };
}

/** An integer host tensor. */
export function intTensor(shape: number[], values: number[]): HostTensor {
  return { dtype: 'int', shape, values };
}

/** The transpose of a 2-D tensor. */
export function transpose2d(t: HostTensor): HostTensor {
  const [rows, cols] = t.shape as [number, number];
  const out = new Float32Array(rows * cols);
  for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) out[c * rows + r] = t.values[r * cols + c] as number;
  return { dtype: 'float32', shape: [cols, rows], values: out };
}

/** Any permutation of axes: out.shape[i] = t.shape[perm[i]]. */
export function transposeHost(t: HostTensor, perm: number[]): HostTensor {
  const shape = perm.map((p) => t.shape[p] as number);
  const strides = t.shape.map((_, i) => sizeOf(t.shape.slice(i + 1)));
  const n = sizeOf(shape);
  const out = t.dtype === 'float32' ? new Float32Array(n) : new Array<number>(n).fill(0);
  const index = new Array<number>(shape.length).fill(0);
  for (let k = 0; k < n; k++) {
    let source = 0;
    for (let i = 0; i < shape.length; i++) source += (index[i] as number) * (strides[perm[i] as number] as number);
    out[k] = t.values[source] as number;
    for (let i = shape.length - 1; i >= 0; i--) {
      index[i] = (index[i] as number) + 1;
      if ((index[i] as number) < (shape[i] as number)) break;
      index[i] = 0;
    }
  }
  return { dtype: t.dtype, shape, values: out };
}

/** Rows [start, start + count) of the first axis. */
export function sliceRows(t: HostTensor, start: number, count: number): HostTensor {
  const row = sizeOf(t.shape.slice(1));
  const values = t.values.slice(start * row, (start + count) * row);
  return { dtype: t.dtype, shape: [count, ...t.shape.slice(1)], values: Float32Array.from(values) };
}

/** Concatenation along the first axis. */
export function concatRows(parts: HostTensor[]): HostTensor {
  const values = Float32Array.from(parts.flatMap((p) => Array.from(p.values)));
  const rows = parts.reduce((n, p) => n + (p.shape[0] as number), 0);
  return { dtype: 'float32', shape: [rows, ...(parts[0]?.shape.slice(1) ?? [])], values };
}

/** Elementwise a * scale + b * bScale (same size), as float32. */
export function combine(a: HostTensor, scale: number, b?: HostTensor, bScale = 1): HostTensor {
  const values = Float32Array.from(a.values, (v, i) => v * scale + (b ? (b.values[i] as number) * bScale : 0));
  return { dtype: 'float32', shape: [...a.shape], values };
}

/** The same values under another shape. */
export function withShape(t: HostTensor, shape: number[]): HostTensor {
  return { dtype: t.dtype, shape, values: t.values };
}
