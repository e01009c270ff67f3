import type * as tf from '@tensorflow/tfjs-core';
import type { Layer } from '@baihua/core';

/**
 * A layer's own weights by name (`kernel`, `recurrentKernel`, `bias`, ...), the variables as held
 * (do not dispose them).
 *
 * @example
 * const { kernel, bias } = weightsByName(new LstmCell({ inputSize: 3, hiddenSize: 2 }));
 *
 * In plain words: the knobs of one layer, looked up by their labels.
 */
export function weightsByName(layer: Layer): Record<string, tf.Variable> {
  return Object.fromEntries(layer.weights().map((w) => [w.name, w.read()]));
}
