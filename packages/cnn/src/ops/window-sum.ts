import * as tf from '@tensorflow/tfjs-core';
import { convAxisGeometry } from './conv-output-size.js';
import type { PoolGeometry } from './pool-options.js';

/**
 * The sum over each pooling window, NHWC, padded positions counting as zeros:
 * s[b, i, j, c] = sum over the window at (i s_h - p_top, j s_w - p_left) of x. With 'same' padding
 * the input is zero-padded explicitly and averaged with 'valid' windows, then scaled by the window
 * size, because tfjs's AvgPoolGrad (cpu, wasm, webgpu 4.22) divides every window's gradient by the
 * full window size even where its forward pass divides by the cells inside the input: a 'same'
 * avgPool's border gradient came out too small. Here every cell of a window gets exactly dy.
 *
 * @example
 * windowSum(tf.ones([1, 3, 3, 1]), { poolSize: [2, 2], strides: [2, 2], padding: 'same' });
 * // [[[[4], [2]], [[2], [1]]]]
 *
 * In plain words: adds up every neighbourhood, counting the border outside the picture as empty.
 */
export function windowSum(input: tf.Tensor, geometry: PoolGeometry): tf.Tensor4D {
  const { poolSize, strides, padding } = geometry;
  const cells = poolSize[0] * poolSize[1];
  return tf.tidy(() => {
    if (padding === 'valid') return tf.mul(tf.avgPool(input as tf.Tensor4D, poolSize, strides, 'valid'), cells);
    const rows = convAxisGeometry(input.shape[1] as number, poolSize[0], { padding, stride: strides[0] });
    const cols = convAxisGeometry(input.shape[2] as number, poolSize[1], { padding, stride: strides[1] });
    const padded = tf.pad(input as tf.Tensor4D, [
      [0, 0],
      [rows.padBefore, rows.padAfter],
      [cols.padBefore, cols.padAfter],
      [0, 0],
    ]);
    return tf.mul(tf.avgPool(padded, poolSize, strides, 'valid'), cells);
  });
}

/**
 * How many input positions each window covers, [1, outHeight, outWidth, 1] (a number with 'valid'
 * padding, where every window is whole): the divisor of a 'same' average.
 *
 * @example
 * windowCounts([1, 3, 3, 1], { poolSize: [2, 2], strides: [2, 2], padding: 'same' }); // [[[[4], [2]], [[2], [1]]]]
 *
 * In plain words: how many real pupils sit in each group once the empty border seats are left out.
 */
export function windowCounts(shape: readonly number[], geometry: PoolGeometry): tf.Tensor | number {
  const { poolSize, strides, padding } = geometry;
  if (padding === 'valid') return poolSize[0] * poolSize[1];
  const axis = (size: number, index: 0 | 1): number[] => {
    const g = convAxisGeometry(size, poolSize[index], { padding, stride: strides[index] });
    return Array.from({ length: g.outputSize }, (_, o) => {
      const start = o * strides[index] - g.padBefore;
      return Math.min(start + poolSize[index], size) - Math.max(start, 0);
    });
  };
  const rows = axis(shape[1] as number, 0);
  const cols = axis(shape[2] as number, 1);
  const counts = rows.flatMap((r) => cols.map((c) => r * c));
  return tf.tensor4d(counts, [1, rows.length, cols.length, 1]);
}
