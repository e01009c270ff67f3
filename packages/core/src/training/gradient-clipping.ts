import * as tf from '@tensorflow/tfjs-core';
import { assertPositive } from '../checks/value-checks.js';
import { sumTensors } from './sum-tensors.js';

/**
 * Clips every gradient element into [-limit, limit]. Returns new tensors (caller disposes).
 * @example clipGradientsByValue(grads, 1);
 * In plain words: no single knob may be pushed harder than `limit`.
 */
export function clipGradientsByValue(gradients: readonly tf.Tensor[], limit: number): tf.Tensor[] {
  assertPositive('clipGradientsByValue', 'limit', limit);
  return gradients.map((g) => tf.clipByValue(g, -limit, limit));
}

/**
 * Rescales all gradients together when their global norm ||g|| = sqrt(sum_i ||g_i||^2) exceeds
 * maxNorm: g_i <- g_i * maxNorm / max(||g||, maxNorm). Direction kept; no readback (all on device).
 * Returns new tensors (caller disposes).
 * @example clipGradientsByGlobalNorm(grads, 5);
 * In plain words: if the whole push is too strong, turn it down, without changing where it points.
 */
export function clipGradientsByGlobalNorm(gradients: readonly tf.Tensor[], maxNorm: number): tf.Tensor[] {
  assertPositive('clipGradientsByGlobalNorm', 'maxNorm', maxNorm);
  if (gradients.length === 0) return [];
  return tf.tidy(() => {
    const squares = gradients.map((g) => tf.sum(tf.square(g)));
    const norm = tf.sqrt(sumTensors(squares));
    const scale = tf.div(maxNorm, tf.maximum(norm, maxNorm));
    return gradients.map((g) => tf.mul(g, scale));
  });
}
