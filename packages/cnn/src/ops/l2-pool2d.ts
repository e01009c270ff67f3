import * as tf from '@tensorflow/tfjs-core';
import { convAxisGeometry } from './conv-output-size.js';
import { checkPool, type PoolingOptions, type PoolGeometry } from './pool-options.js';

/**
 * L2 pooling, NHWC: y[b, i, j, c] = sqrt(sum over the window of x^2): the square root of the
 * *sum* of squares, as PyTorch's LPPool2d with p = 2 (not of the mean). With 'same' padding the
 * padded positions count as zeros. Input [batch, height, width, C], output as {@link avgPool2d}.
 * Gradient: dy/dx = x / y, taken as 0 where a window is all zeros (where sqrt has no derivative),
 * so ReLU outputs with empty windows train without NaN.
 *
 * @example
 * l2Pool2d(tf.fill([1, 2, 2, 1], 3), { poolSize: 2 }); // [[[[6]]]]: sqrt(4 * 9)
 *
 * In plain words: a combined score of everyone in the window, where strong voices weigh more,
 * but nobody is ignored.
 */
export function l2Pool2d(input: tf.Tensor, options: PoolingOptions): tf.Tensor4D {
  const geometry = checkPool('l2Pool2d', input, options);
  return tf.tidy(() => {
    const mean = tf.avgPool(tf.square(input) as tf.Tensor4D, geometry.poolSize, geometry.strides, geometry.padding);
    const sum = tf.mul(mean, windowCounts(input.shape as number[], geometry));
    return safeSqrt(sum) as tf.Tensor4D;
  });
}

/** sqrt with gradient dy / (2 sqrt(s)) where s > 0 and 0 where s = 0. */
const safeSqrt = tf.customGrad((...args: (tf.Tensor | tf.GradSaveFunc)[]) => {
  const [s, save] = args as [tf.Tensor, tf.GradSaveFunc];
  const root = tf.sqrt(s);
  save([root]);
  return {
    value: root,
    gradFunc: (dy: tf.Tensor, saved: tf.Tensor[]) => {
      const y = saved[0] as tf.Tensor;
      const safe = tf.where(tf.greater(y, 0), y, tf.fill(y.shape, Infinity));
      return tf.div(dy, tf.mul(safe, 2));
    },
  };
});

/** How many input positions each window covers: avgPool's divisor, to turn its mean back into a sum. */
function windowCounts(shape: number[], geometry: PoolGeometry): tf.Tensor | number {
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
