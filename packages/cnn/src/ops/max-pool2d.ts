import * as tf from '@tensorflow/tfjs-core';
import { checkPool, type PoolingOptions } from './pool-options.js';

/**
 * Max pooling, NHWC: y[b, i, j, c] = max over the window at (i s_h - p_top, j s_w - p_left) of x.
 * Input [batch, height, width, C], output [batch, outHeight, outWidth, C] with
 * out = floor((n - p)/s) + 1 ('valid') or ceil(n/s) ('same'). Strides default to poolSize.
 * The gradient goes to the window's first maximum in row-major order, also when several elements
 * tie (as PyTorch and tfjs's cpu backend); on wasm and webgpu it uses this package's kernels, since
 * stock wasm sends an all-negative window's gradient to its first element and stock webgpu sends a
 * tied window's gradient to its last maximum.
 *
 * @example
 * maxPool2d(tf.ones([1, 28, 28, 6]), { poolSize: 2 }).shape; // [1, 14, 14, 6]
 *
 * In plain words: every neighbourhood sends its best student as representative; when the result is
 * wrong, only that student gets the blame.
 */
export function maxPool2d(input: tf.Tensor, options: PoolingOptions): tf.Tensor4D {
  const { poolSize, strides, padding } = checkPool('maxPool2d', input, options);
  return tf.maxPool(input as tf.Tensor4D, poolSize, strides, padding);
}
