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

// tfjs-core's kernel name constant Multiply is bundled into core's dist, so esbuild renames this class in one
// build (Multiply2) and not in the other; the registry tells copies of one package apart by the factory's
// source text, so the factory names the class through an alias that nothing shadows.
const multiplyLayer = Multiply;
registerLayerType('Multiply', (config) => new multiplyLayer(config as LayerOptions));
