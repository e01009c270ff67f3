import * as tf from '@tensorflow/tfjs-core';
import { describeShape } from '../checks/tensor-checks.js';
import { ArgumentError } from '../errors/argument-error.js';
import { ShapeError } from '../errors/shape-error.js';
import { Layer, type CallContext, type LayerConfig, type LayerOptions } from './layer.js';
import { layerFromConfig, registerLayerType } from './layer-registry.js';
import { childSeed } from './layer-naming.js';

/** Options of {@link Residual}. */
export interface ResidualOptions extends LayerOptions {
  /** The branch f (any layer, often a Sequential). Required. */
  body: Layer;
}

/**
 * Skip connection: y = f(x) + x. f must return x's shape (checked on every call). The gradient
 * reaches x through the identity path undamped, which is what lets very deep stacks train.
 *
 * @example
 * const body = new Sequential({ layers: [new Dense({ units: 16, activation: 'relu' }), new Dense({ units: 16 })] });
 * const block = new Residual({ body });
 * block.apply(tf.zeros([4, 16])); // [4, 16]
 *
 * In plain words: the layer only has to learn the correction; the original passes straight through.
 */
export class Residual extends Layer {
  readonly body: Layer;

  constructor(options: ResidualOptions) {
    super(options, 'Residual', ['body']);
    if (!(options.body instanceof Layer))
      throw new ArgumentError(
        'Residual',
        `expected body to be a Layer, got ${options.body === null ? 'null' : typeof options.body}`,
      );
    this.body = options.body;
    if (this.body.seed === undefined && this.seed !== undefined) this.body.seed = childSeed(this.seed, 0);
    if (!this.trainable) this.body.trainable = false; // frozen block, frozen body (as Sequential does)
  }

  override children(): Layer[] {
    return [this.body];
  }

  protected override call(x: tf.Tensor, context: CallContext): tf.Tensor {
    const fx = this.body.apply(x, context);
    if (fx.rank !== x.rank || fx.shape.some((s, i) => s !== x.shape[i])) {
      throw new ShapeError(
        'Residual',
        `expected body '${this.body.name}' to keep the input shape ${describeShape(x.shape)}, got ` +
          `${describeShape(fx.shape)}`,
      );
    }
    return tf.add(fx, x);
  }

  override getConfig(): LayerConfig {
    return { ...super.getConfig(), body: this.body.getConfig() };
  }
}

registerLayerType('Residual', (config) => {
  const { body, ...options } = config;
  return new Residual({ ...(options as LayerOptions), body: layerFromConfig(body as LayerConfig) });
});
