import type * as tf from '@tensorflow/tfjs-core';
import { checkPool3d } from './pool3d-options.js';
import { separablePool3d } from './separable-pool3d.js';
import type { Pooling3DOptions } from './volume-options.js';

/**
 * 3-D max pooling, NDHWC: y[b, t, i, j, c] = max of x over the window at
 * (t s_d - p_front, i s_h - p_top, j s_w - p_left) of size poolSize, counting only voxels inside
 * the input. Input [batch, depth, height, width, C], output [batch, outDepth, outHeight, outWidth, C]
 * with out = floor((n - p) / s) + 1 ('valid', the default) or ceil(n / s) ('same', TensorFlow's:
 * windows cut at the border). Strides default to poolSize. The gradient goes to the window's
 * maximum; when several voxels tie it goes to the first in depth-row-column order (PyTorch's rule).
 *
 * @example
 * maxPool3d(tf.ones([1, 16, 64, 64, 8]), { poolSize: 2 }).shape; // [1, 8, 32, 32, 8]
 *
 * In plain words: every little cube of the scan sends its brightest voxel on, and only that voxel
 * hears about the error.
 */
export function maxPool3d(input: tf.Tensor, options: Pooling3DOptions): tf.Tensor5D {
  return separablePool3d('max', input, checkPool3d('maxPool3d', input, options));
}
