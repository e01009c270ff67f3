import * as tf from '@tensorflow/tfjs-core';
import { assertKnownOptions, assertRank } from '@baihua/core';

/** Options for the global pooling ops. */
export interface GlobalPoolingOptions {
  /** Keep the spatial axes as size 1: [batch, 1, 1, C] instead of [batch, C]. Default false. */
  keepDims?: boolean;
}

/**
 * Global average pooling, NHWC: y[b, c] = (1 / (H W)) sum_{i, j} x[b, i, j, c].
 * Input [batch, height, width, C], output [batch, C] (or [batch, 1, 1, C] with keepDims).
 *
 * @example
 * globalAvgPool2d(tf.ones([2, 7, 7, 64])).shape; // [2, 64]
 *
 * In plain words: one average grade per feature map, however big the image was.
 */
export function globalAvgPool2d(input: tf.Tensor, options: GlobalPoolingOptions = {}): tf.Tensor {
  assertRank('globalAvgPool2d', 'input', input, 4);
  assertKnownOptions('globalAvgPool2d', 'options', options, ['keepDims']);
  return tf.mean(input, [1, 2], options.keepDims ?? false);
}

/**
 * Global max pooling, NHWC: y[b, c] = max_{i, j} x[b, i, j, c]. Input [batch, height, width, C],
 * output [batch, C] (or [batch, 1, 1, C] with keepDims). The gradient goes to every position
 * holding the maximum (tfjs's Max gradient).
 *
 * @example
 * globalMaxPool2d(tf.ones([2, 7, 7, 64])).shape; // [2, 64]
 *
 * In plain words: does this feature appear anywhere at all? Its strongest sighting answers.
 */
export function globalMaxPool2d(input: tf.Tensor, options: GlobalPoolingOptions = {}): tf.Tensor {
  assertRank('globalMaxPool2d', 'input', input, 4);
  assertKnownOptions('globalMaxPool2d', 'options', options, ['keepDims']);
  return tf.max(input, [1, 2], options.keepDims ?? false);
}
