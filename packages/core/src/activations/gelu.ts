import * as tf from '@tensorflow/tfjs-core';
import { assertActivationInput } from './activation-input.js';

/**
 * Gaussian error linear unit, exact form, elementwise: gelu(x) = x Phi(x) = 0.5 x (1 + erf(x / sqrt 2)),
 * Phi the standard normal CDF (PyTorch's default `approximate='none'`, Keras' `approximate=False`).
 * Derivative: Phi(x) + x phi(x), phi(x) = e^(-x^2 / 2) / sqrt(2 pi); 0.5 at x = 0, largest (about
 * 1.129) at x = sqrt 2.
 *
 * Shapes: any float32 tensor in, the same shape out; output in about [-0.17, inf). Uses tfjs's Erf
 * kernel (cpu, wasm and webgpu all have one) and its gradient 2 / sqrt(pi) e^(-t^2); erf's
 * polynomial approximation is accurate to about 1e-7, so far negative inputs give 0 (true value
 * below 1e-6 for x < -5). Finite at +/-1e4, gradient too.
 *
 * @example
 * gelu(tf.tensor([-1, 0, 1])); // [-0.1587, 0, 0.8413]
 *
 * In plain words: ReLU with a soft knee, each input kept in proportion to how likely a standard
 * normal value lies below it.
 */
export function gelu(x: tf.Tensor): tf.Tensor {
  assertActivationInput('gelu', x);
  return tf.tidy(() =>
    tf.mul(tf.mul(x, tf.scalar(0.5)), tf.add(tf.scalar(1), tf.erf(tf.mul(x, tf.scalar(Math.SQRT1_2))))),
  );
}
