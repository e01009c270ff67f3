import * as tf from '@tensorflow/tfjs-core';
import { checkPool, type PoolingOptions } from './pool-options.js';
import { windowSum } from './window-sum.js';

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
    return safeSqrt(windowSum(tf.square(input), geometry)) as tf.Tensor4D;
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
