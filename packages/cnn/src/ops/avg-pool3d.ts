import type * as tf from '@tensorflow/tfjs-core';
import { checkPool3d } from './pool3d-options.js';
import { separablePool3d } from './separable-pool3d.js';
import type { Pooling3DOptions } from './volume-options.js';

/**
 * 3-D average pooling, NDHWC: y[b, t, i, j, c] = mean of x over the window at
 * (t s_d - p_front, i s_h - p_top, j s_w - p_left) of size poolSize, dividing by the number of voxels
 * inside the input (a window cut at the border by 'same' padding averages only what it covers).
 * Input [batch, depth, height, width, C], output [batch, outDepth, outHeight, outWidth, C] with
 * out = floor((n - p) / s) + 1 ('valid', the default) or ceil(n / s) ('same'). Strides default to
 * poolSize. The gradient spreads dy[...] / count evenly over the window.
 *
 * @example
 * avgPool3d(tf.ones([1, 5, 5, 5, 1]), { poolSize: 2, padding: 'same' }).shape; // [1, 3, 3, 3, 1]
 *
 * In plain words: blur each little cube of the scan into one voxel, its average brightness.
 */
export function avgPool3d(input: tf.Tensor, options: Pooling3DOptions): tf.Tensor5D {
  return separablePool3d('avg', input, checkPool3d('avgPool3d', input, options));
}
