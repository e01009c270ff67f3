// Test helper (not part of the package's exports): gradients of a layer's output for the layer tests.
import * as tf from '@tensorflow/tfjs-core';
import type { Layer } from '../src/layers/layer.js';

/**
 * Gradients of L = sum(layer(x) * dy) with respect to x and to the named weights of `layer`,
 * in training or inference mode. The caller disposes the returned tensors.
 */
export function layerGradients(
  layer: Layer,
  x: tf.Tensor,
  dy: tf.Tensor,
  weightNames: string[],
  training: boolean,
): { dx: tf.Tensor; weights: Record<string, tf.Tensor> } {
  const variables = weightNames.map((name) => layer.weight(name).read());
  const [dx, ...dw] = tf.tidy(() => {
    const input = tf.variable(x, true);
    try {
      const { grads } = tf.variableGrads(
        () => tf.sum(tf.mul(layer.apply(input, { training }), dy)) as tf.Scalar,
        [input, ...variables],
      );
      return [grads[input.name] as tf.Tensor, ...variables.map((v) => grads[v.name] as tf.Tensor)];
    } finally {
      input.dispose();
    }
  });
  return { dx: dx as tf.Tensor, weights: Object.fromEntries(weightNames.map((name, i) => [name, dw[i] as tf.Tensor])) };
}
