import * as tf from '@tensorflow/tfjs-core';
import { Layer, type CallContext } from './layer.js';
import { registerLayerType } from './layer-registry.js';
import type { LayerOptions } from './layer.js';

/**
 * Flattens all but the batch axis: [batch, d1, ..., dk] -> [batch, d1 * ... * dk].
 *
 * @example
 * new Flatten().apply(tf.zeros([8, 28, 28, 1])); // [8, 784]
 *
 * In plain words: lay a picture's pixels out in one long row.
 */
export class Flatten extends Layer {
  constructor(options: LayerOptions = {}) {
    super(options, 'Flatten', []);
  }

  protected override call(x: tf.Tensor, _context: CallContext): tf.Tensor {
    const features = x.shape.slice(1).reduce((n, s) => n * s, 1);
    return tf.reshape(x, [x.shape[0] as number, features]);
  }
}

registerLayerType('Flatten', (config) => new Flatten(config as LayerOptions));
