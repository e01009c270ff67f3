import type * as tf from '@tensorflow/tfjs-core';
import {
  type Activation,
  type CallContext,
  Layer,
  type LayerConfig,
  type LayerOptions,
  getActivation,
  registerLayerType,
} from '@baihua/core';

/** Options of {@link OnnxActivation}. */
export interface OnnxActivationOptions extends LayerOptions {
  /** A registered activation name ('relu', 'tanh', 'sigmoid', 'softmax', ...). Required. */
  activation: string;
}

/**
 * Applies one activation by name (Keras' `Activation` layer): y = f(x), same shape; softmax and
 * logSoftmax over the last axis. The importer uses it for an ONNX activation node it cannot fold
 * into the layer before it (one reading the output of an Add, or a value read by several nodes).
 *
 * @example
 * new OnnxActivation({ activation: 'relu' }).apply(tf.tensor2d([[-1, 2]])); // [[0, 2]]
 *
 * In plain words: the squashing step on its own, as a layer.
 */
export class OnnxActivation extends Layer {
  readonly activation: string;
  private readonly fn: Activation;

  constructor(options: OnnxActivationOptions) {
    super(options, 'OnnxActivation', ['activation']);
    this.fn = getActivation(options.activation, 'OnnxActivation');
    this.activation = options.activation;
  }

  protected override call(x: tf.Tensor, _context: CallContext): tf.Tensor {
    return this.fn(x);
  }

  override getConfig(): LayerConfig {
    return { ...super.getConfig(), activation: this.activation };
  }
}

registerLayerType('OnnxActivation', (config) => new OnnxActivation(config as unknown as OnnxActivationOptions));
