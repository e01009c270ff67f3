import * as tf from '@tensorflow/tfjs-core';
import { ElementwiseMerge } from './elementwise-merge.js';
import type { LayerOptions } from './layer.js';
import { registerLayerType } from './layer-registry.js';

/**
 * Sums a list of tensors of one shape: y = x_0 + x_1 + ... (Keras' Add). Two or more inputs, same
 * shape in and out; output mask: the AND of the input masks given. dy/dx_i = 1.
 *
 * @example
 * const skip = new Add().apply([block.apply(x), x]); // a residual connection in a graph
 *
 * In plain words: lay the inputs on top of each other and add them up, cell by cell.
 */
export class Add extends ElementwiseMerge {
  constructor(options: LayerOptions = {}) {
    super(options, 'Add');
  }

  protected override merge(xs: tf.Tensor[]): tf.Tensor {
    return tf.addN(xs);
  }
}

// tfjs-core's kernel name constant Add is bundled into core's dist, so esbuild renames this class in one
// build (Add2) and not in the other; the registry tells copies of one package apart by the factory's
// source text, so the factory names the class through an alias that nothing shadows.
const addLayer = Add;
registerLayerType('Add', (config) => new addLayer(config as LayerOptions));
