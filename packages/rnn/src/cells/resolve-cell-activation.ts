import * as tf from '@tensorflow/tfjs-core';
import { type Activation, ArgumentError, resolveActivation } from '@baihua/core';

const builtIn: Record<string, Activation> = {
  tanh: (x) => tf.tanh(x),
  relu: (x) => tf.relu(x),
  sigmoid: (x) => tf.sigmoid(x),
  linear: (x) => x,
};

/**
 * An activation given as a function or a name: 'tanh', 'relu', 'sigmoid' and 'linear' always
 * work; other names are looked up in @baihua/core's registry (filled by @baihua/activations).
 */
export function resolveCellActivation(functionName: string, activation: Activation | string): Activation {
  if (typeof activation === 'function') return activation;
  if (typeof activation !== 'string') {
    throw new ArgumentError(functionName, `expected activation to be a function or a name, got ${typeof activation}`);
  }
  return builtIn[activation] ?? resolveActivation(activation);
}
