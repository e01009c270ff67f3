import * as tf from '@tensorflow/tfjs-core';
import { checkPool, type PoolingOptions } from './pool-options.js';
import { windowCounts, windowSum } from './window-sum.js';

/**
 * Average pooling, NHWC: y[b, i, j, c] = (1/|W|) sum over the window W of x, where with
 * 'same' padding |W| counts only the positions inside the input (TensorFlow's rule).
 * Input [batch, height, width, C], output [batch, outHeight, outWidth, C]; strides default to
 * poolSize. Gradient: each cell of a window gets dy / |W|, with the same |W| as the forward pass
 * (tfjs's own AvgPoolGrad divides by the full window size at a 'same' border; see {@link windowSum}).
 *
 * @example
 * avgPool2d(tf.ones([1, 10, 10, 16]), { poolSize: 2 }).shape; // [1, 5, 5, 16]
 *
 * In plain words: the whole class shares the grade, and the whole class shares the blame.
 */
export function avgPool2d(input: tf.Tensor, options: PoolingOptions): tf.Tensor4D {
  const geometry = checkPool('avgPool2d', input, options);
  const { poolSize, strides, padding } = geometry;
  if (padding === 'valid') return tf.avgPool(input as tf.Tensor4D, poolSize, strides, padding);
  return tf.tidy(() => tf.div(windowSum(input, geometry), windowCounts(input.shape, geometry)) as tf.Tensor4D);
}
