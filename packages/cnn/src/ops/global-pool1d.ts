import * as tf from '@tensorflow/tfjs-core';
import { assertDtype, assertKnownOptions, assertRank, assertShape } from '@baihua/core';

/** The lowest finite float32: what a padded step holds for the max, so that it never wins. */
const lowestFloat32 = -3.4028234663852886e38;

/** Options of the global pooling ops over time. */
export interface GlobalPooling1DOptions {
  /** [batch, time], bool, float32 or int32: true (1) at the steps to pool, false (0) at padding. Default: all steps. */
  mask?: tf.Tensor;
  /** Keep the time axis as size 1: [batch, 1, C] instead of [batch, C]. Default false. */
  keepDims?: boolean;
}

/**
 * Checks the input and options; returns the input as [batch, C, time] and the mask as float32
 * [batch, 1, time] (or undefined). Every reduction then runs over the last axis: reducing over the
 * middle axis makes tfjs transpose in the forward and backward passes, and one of those transposes
 * (of an int or bool tensor) fails to compile on tfjs-backend-webgpu 4.22 (TransposeProgram).
 */
function timeLast(fn: string, input: tf.Tensor, options: GlobalPooling1DOptions): [tf.Tensor, tf.Tensor | undefined] {
  assertRank(fn, 'input', input, 3);
  assertKnownOptions(fn, 'options', options, ['mask', 'keepDims']);
  const { mask } = options;
  if (mask !== undefined) {
    assertShape(fn, 'options.mask', mask, input.shape.slice(0, 2));
    assertDtype(fn, 'options.mask', mask, ['bool', 'float32', 'int32']);
  }
  const x = tf.transpose(input, [0, 2, 1]);
  return [x, mask === undefined ? undefined : tf.expandDims(tf.cast(mask, 'float32'), 1)];
}

/** [batch, C] -> [batch, 1, C] with keepDims. */
function shaped(pooled: tf.Tensor, keepDims: boolean | undefined): tf.Tensor {
  return keepDims ? tf.expandDims(pooled, 1) : pooled;
}

/**
 * Global average pooling over time, masked (Keras' GlobalAveragePooling1D):
 * y[b, c] = sum_t m[b, t] x[b, t, c] / sum_t m[b, t], the mean over the valid steps; without a
 * mask, over every step. A row with no valid step gives 0. Input [batch, time, C], output
 * [batch, C] (or [batch, 1, C] with keepDims).
 *
 * @example
 * globalAvgPool1d(x, { mask }).shape; // x [2, 5, 8], mask [2, 5] -> [2, 8]
 *
 * In plain words: one average per feature over the real words of each sentence, padding ignored.
 */
export function globalAvgPool1d(input: tf.Tensor, options: GlobalPooling1DOptions = {}): tf.Tensor {
  return tf.tidy(() => {
    const [x, weights] = timeLast('globalAvgPool1d', input, options);
    if (weights === undefined) return shaped(tf.mean(x, -1), options.keepDims);
    const count = tf.maximum(tf.sum(weights, -1), 1);
    return shaped(tf.div(tf.sum(tf.mul(x, weights), -1), count), options.keepDims);
  });
}

/**
 * Global max pooling over time, masked: y[b, c] = max over the valid steps t of x[b, t, c]; without
 * a mask, over every step. A row with no valid step gives 0. Input [batch, time, C], output
 * [batch, C] (or [batch, 1, C] with keepDims). The gradient goes to every valid step holding the
 * maximum (tfjs's Max gradient); padded steps get none.
 *
 * @example
 * globalMaxPool1d(x, { mask }).shape; // x [2, 5, 8], mask [2, 5] -> [2, 8]
 *
 * In plain words: the strongest sighting of each feature among the real words, padding ignored.
 */
export function globalMaxPool1d(input: tf.Tensor, options: GlobalPooling1DOptions = {}): tf.Tensor {
  return tf.tidy(() => {
    const [x, weights] = timeLast('globalMaxPool1d', input, options);
    if (weights === undefined) return shaped(tf.max(x, -1), options.keepDims);
    // Padded steps hold the lowest float32, so they never win; a row without valid steps gives 0.
    const masked = tf.add(tf.mul(x, weights), tf.mul(tf.sub(1, weights), lowestFloat32));
    const anyValid = tf.minimum(tf.sum(weights, -1), 1);
    return shaped(tf.mul(tf.max(masked, -1), anyValid), options.keepDims);
  });
}
