import * as tf from '@tensorflow/tfjs-core';
import { checkPool, type PoolingOptions } from './pool-options.js';

/**
 * Average pooling, NHWC: y[b, i, j, c] = (1/|W|) sum over the window W of x, where with
 * 'same' padding |W| counts only the positions inside the input (TensorFlow's rule).
 * Input [batch, height, width, C], output [batch, outHeight, outWidth, C]; strides default to
 * poolSize.
 *
 * @example
 * avgPool2d(tf.ones([1, 10, 10, 16]), { poolSize: 2 }).shape; // [1, 5, 5, 16]
 *
 * In plain words: the whole class shares the grade, and the whole class shares the blame.
 */
export function avgPool2d(input: tf.Tensor, options: PoolingOptions): tf.Tensor4D {
  const { poolSize, strides, padding } = checkPool('avgPool2d', input, options);
  return tf.avgPool(input as tf.Tensor4D, poolSize, strides, padding);
}
