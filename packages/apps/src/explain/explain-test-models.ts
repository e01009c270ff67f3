// Test support for the explain suites (not exported): small classifiers whose right explanation
// is known in closed form, and a leak-safe reader.
import * as tf from '@tensorflow/tfjs-core';
import { Dense, Flatten, Sequential } from '@baihua/core';

/**
 * A linear two-class classifier on images [N, ...] with P values each: logits [w . x + b, -(w . x + b)]
 * (class 0's logit is linear in x). Dispose `dispose()` when done.
 */
export function linearClassifier(weights: readonly number[], bias = 0) {
  const p = weights.length;
  const kernel = tf.tensor2d(
    weights.flatMap((w) => [w, -w]),
    [p, 2],
  );
  const offset = tf.tensor1d([bias, -bias]);
  const classify = (x: tf.Tensor) => tf.tidy(() => tf.add(tf.matMul(tf.reshape(x, [-1, p]), kernel), offset));
  return { classify, dispose: () => tf.dispose([kernel, offset]) };
}

/** A seeded tanh network on [N, 8, 8, 1] images with 3 classes: Sequential(Flatten, Dense 6, Dense 3), built. */
export function tinyNetwork(seed = 7): Sequential {
  const model = new Sequential({
    seed,
    layers: [new Flatten(), new Dense({ units: 6, activation: 'tanh' }), new Dense({ units: 3 })],
  });
  // Builds the weights, so leak checks count only the method's tensors.
  tf.tidy(() => model.apply(tf.zeros([1, 8, 8, 1])));
  return model;
}

/** Seeded values in [low, high), as a float32 tensor of `shape`. */
export function seededImages(shape: number[], seed: number, low = 0, high = 1): tf.Tensor {
  let state = seed >>> 0;
  const size = shape.reduce((a, b) => a * b, 1);
  const values = Float32Array.from({ length: size }, () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return low + ((high - low) * state) / 4294967296;
  });
  return tf.tensor(values, shape);
}

/** The values of a tensor as a plain array, then the tensor is disposed. */
export async function valuesOf(t: tf.Tensor): Promise<number[]> {
  try {
    return Array.from(await t.data());
  } finally {
    t.dispose();
  }
}
