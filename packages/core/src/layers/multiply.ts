import * as tf from '@tensorflow/tfjs-core';
import { ElementwiseMerge } from './elementwise-merge.js';
import type { LayerOptions } from './layer.js';
import { registerLayerType } from './layer-registry.js';

/**
 * Multiplies a list of tensors of one shape element by element: y = x_0 * x_1 * ... (Keras'
 * Multiply). Two or more inputs, same shape in and out; output mask: the AND of the input masks
 * given. dy/dx_i = the product of the other inputs.
 *
 * @example
 * const gated = new Multiply().apply([values, new Dense({ units: 8, activation: 'sigmoid' }).apply(gate)]);
 *
 * In plain words: one input turns the other up or down, cell by cell (a gate).
 */
export class Multiply extends ElementwiseMerge {
  constructor(options: LayerOptions = {}) {
    super(options, 'Multiply');
  }

  protected override merge(xs: tf.Tensor[]): tf.Tensor {
    return xs.slice(1).reduce((product, x) => tf.mul(product, x), xs[0] as tf.Tensor);
  }
}

registerLayerType('Multiply', (config) => new Multiply(config as LayerOptions));
