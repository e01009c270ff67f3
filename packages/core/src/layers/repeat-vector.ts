import * as tf from '@tensorflow/tfjs-core';
import { describeShape } from '../checks/tensor-checks.js';
import { assertPositiveInteger } from '../checks/value-checks.js';
import { ShapeError } from '../errors/shape-error.js';
import { Layer, type CallContext, type LayerConfig, type LayerOptions } from './layer.js';
import { registerLayerType } from './layer-registry.js';

/** Options of {@link RepeatVector}. */
export interface RepeatVectorOptions extends LayerOptions {
  /** How many times to repeat the vector (the output's time steps). Required. */
  n: number;
}

/**
 * Repeats each example's vector n times: y[b, t, :] = x[b, :] for t < n. x: [batch, d] ->
 * y: [batch, n, d]. The gradient sums dy over the n copies. The output has no mask (Keras: a mask
 * that came in is dropped), as every repeated step is real.
 *
 * @example
 * // An encoder's summary [2, 8], fed to each of 5 decoder steps: [2, 5, 8].
 * const repeated = new RepeatVector({ n: 5 }).apply(tf.ones([2, 8]));
 *
 * In plain words: copy one summary so that every step of the next sequence gets it.
 */
export class RepeatVector extends Layer {
  readonly n: number;

  constructor(options: RepeatVectorOptions) {
    super(options, 'RepeatVector', ['n']);
    assertPositiveInteger('RepeatVector', 'n', options?.n);
    this.n = options.n;
  }

  protected override build(inputShape: number[]): void {
    if (inputShape.length !== 2)
      throw new ShapeError(
        'RepeatVector',
        `expected x of rank 2 ([batch, features]), got rank ${inputShape.length} (shape ${describeShape(inputShape)})`,
      );
  }

  protected override call(x: tf.Tensor, _context: CallContext): tf.Tensor {
    return tf.tile(tf.expandDims(x, 1), [1, this.n, 1]);
  }

  /** None: every repeated step is real. */
  protected override computeMask(): undefined {
    return undefined;
  }

  override getConfig(): LayerConfig {
    return { ...super.getConfig(), n: this.n };
  }
}

registerLayerType('RepeatVector', (config) => new RepeatVector(config as unknown as RepeatVectorOptions));
