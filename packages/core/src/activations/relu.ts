import * as tf from '@tensorflow/tfjs-core';
import { assertActivationInput } from './activation-input.js';

/**
 * Rectified linear unit, elementwise: relu(x) = max(0, x).
 * Derivative: 1 for x > 0, 0 for x <= 0 (0 at x = 0, as PyTorch and tfjs).
 *
 * Shapes: any float32 tensor in, the same shape out; output in [0, inf).
 * Uses tfjs's Relu kernel; its gradient (dy * step(x)) is right on all three backends.
 *
 * @example
 * relu(tf.tensor([-2, 0, 3])); // [0, 0, 3]
 *
 * In plain words: the radical, passes every positive signal in full and shuts out every negative
 * one, which is why a neuron stuck below zero can die.
 */
export function relu(x: tf.Tensor): tf.Tensor {
  assertActivationInput('relu', x);
  return tf.relu(x);
}
