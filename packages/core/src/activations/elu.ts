import * as tf from '@tensorflow/tfjs-core';
import { assertActivationInput, readActivationAlpha } from './activation-input.js';

/** Options for {@link elu}. */
export interface EluOptions {
  /** Scale of the negative branch, a finite number >= 0; outputs stay above -alpha. Default 1. */
  alpha?: number;
}

/**
 * Exponential linear unit, elementwise: x for x > 0, alpha (e^x - 1) for x <= 0.
 * Derivative: 1 for x > 0, alpha e^x = elu(x) + alpha for x <= 0 (alpha at x = 0, as PyTorch).
 *
 * Shapes: any float32 tensor in, the same shape out; output in (-alpha, inf).
 * tfjs's `tf.elu` has no alpha, so this is composed from ops that have gradients on every
 * backend: relu(x) + alpha expm1(min(x, 0)). expm1 keeps full precision near 0, and min(x, 0)
 * keeps e^x from overflowing for large x (finite at +/-1e4).
 *
 * @example
 * elu(tf.tensor([-1, 2]));                 // [-0.6321, 2]
 * elu(tf.tensor([-1, 2]), { alpha: 0.5 }); // [-0.3161, 2]
 *
 * In plain words: the tactful expert, backs good news fully and softens bad news smoothly.
 */
export function elu(x: tf.Tensor, options?: EluOptions): tf.Tensor {
  assertActivationInput('elu', x);
  const alpha = readActivationAlpha('elu', options, 1);
  return tf.tidy(() => tf.add(tf.relu(x), tf.mul(tf.scalar(alpha), tf.expm1(tf.minimum(x, tf.scalar(0))))));
}
