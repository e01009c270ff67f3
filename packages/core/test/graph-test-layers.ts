import * as tf from '@tensorflow/tfjs-core';
import { Layer, type CallContext, type LayerOptions } from '../src/layers/layer.js';
import { registerLayerType } from '../src/layers/layer-registry.js';

// Small layers for the graph tests only (not exported from the package): a list layer, a layer that
// makes a mask, and one that consumes it, so Model's wiring is tested apart from the real layers.

/** Concatenates its inputs on the last axis; output mask: the first input's. */
export class JoinForTest extends Layer {
  override readonly takesInputList = true;
  constructor(options: LayerOptions = {}) {
    super(options, 'JoinForTest', []);
  }
  protected override call(xs: tf.Tensor[], _context: CallContext): tf.Tensor {
    return tf.concat(xs, -1);
  }
  protected override computeMask(_x: tf.Tensor[], masks: readonly (tf.Tensor | undefined)[] | undefined) {
    return masks?.[0];
  }
}

/** Marks as padding the time steps whose features are all zero: mask [batch, time]. */
export class ZeroStepMaskForTest extends Layer {
  constructor(options: LayerOptions = {}) {
    super(options, 'ZeroStepMaskForTest', []);
  }
  protected override call(x: tf.Tensor, _context: CallContext): tf.Tensor {
    return tf.clone(x);
  }
  protected override computeMask(x: tf.Tensor): tf.Tensor {
    return tf.any(tf.notEqual(x, 0), -1);
  }
}

/** Sums over time the steps the mask keeps: [batch, time, d] -> [batch, d]; no output mask. */
export class MaskedSumForTest extends Layer {
  constructor(options: LayerOptions = {}) {
    super(options, 'MaskedSumForTest', []);
  }
  protected override call(x: tf.Tensor, context: CallContext): tf.Tensor {
    const keep = context.mask ? tf.expandDims(tf.cast(context.mask, 'float32'), -1) : tf.onesLike(x);
    return tf.sum(tf.mul(x, keep), 1);
  }
  protected override computeMask(): undefined {
    return undefined;
  }
}

registerLayerType('JoinForTest', (config) => new JoinForTest(config as LayerOptions));
registerLayerType('ZeroStepMaskForTest', (config) => new ZeroStepMaskForTest(config as LayerOptions));
registerLayerType('MaskedSumForTest', (config) => new MaskedSumForTest(config as LayerOptions));
