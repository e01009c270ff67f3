import * as tf from '@tensorflow/tfjs-core';

/**
 * The sum of same-shaped tensors by pairwise tf.add, never one tf.addN over all of them: on
 * tfjs-backend-webgpu 4.22 an AddN over more inputs than a shader may bind (a model's 20 gradient
 * norms, say) fails WebGPU validation without throwing, and every kernel of that submission
 * returns zeros or stale values (seen as a loss of 0 while training a CNN on Dawn/SwiftShader).
 * Call inside tf.tidy; an empty list gives 0.
 *
 * @example const total = tf.tidy(() => sumTensors(gradients.map((g) => tf.sum(tf.square(g)))));
 * In plain words: add them up two at a time.
 */
export function sumTensors<T extends tf.Tensor>(tensors: readonly T[]): T {
  if (tensors.length === 0) return tf.scalar(0) as tf.Tensor as T;
  let total: tf.Tensor = tensors[0] as T;
  for (let i = 1; i < tensors.length; i++) total = tf.add(total, tensors[i] as T);
  return total as T;
}
