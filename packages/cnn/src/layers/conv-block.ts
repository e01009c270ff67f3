import type * as tf from '@tensorflow/tfjs-core';
import { BatchNorm, Layer, registerLayerType, type Activation, type CallContext, type LayerConfig } from '@baihua/core';
import { Conv2D, type Conv2DOptions } from './conv2d-layer.js';
import { childSeed } from '@baihua/core';
import { activationNameOf, getActivation } from '@baihua/core';

/** Options of {@link ConvBlock}: a Conv2D's (without bias) plus batch norm's. */
export interface ConvBlockOptions extends Omit<Conv2DOptions, 'useBias' | 'biasInitializer'> {
  /** Applied after batch norm. Default 'relu'. */
  activation?: Activation | string;
  /** Batch norm's running-statistics momentum. Default 0.99. */
  momentum?: number;
  /** Batch norm's epsilon. Default 1e-3. */
  epsilon?: number;
}

/**
 * The seed's CNN pipeline step: convolution, then batch normalisation, then the activation:
 * y = f(BN(conv2d(x, W))). The convolution has no bias (BN's beta plays that part). Training
 * mode uses batch statistics; inference the running ones. x: [batch, H, W, C] ->
 * [batch, outH, outW, filters]. Children: `conv` (Conv2D) and `norm` (BatchNorm), made at build.
 *
 * @example
 * const block = new ConvBlock({ filters: 16, kernelSize: 3, padding: 'same', seed: 1 });
 * block.apply(tf.zeros([4, 28, 28, 1]), { training: true }).shape; // [4, 28, 28, 16]
 *
 * In plain words: the workshop (conv), the quality check that puts every batch on the same scale
 * (BN), then the gate that lets only positive signals through (ReLU).
 */
export class ConvBlock extends Layer {
  readonly convOptions: Omit<Conv2DOptions, 'activation' | 'name' | 'seed' | 'trainable'>;
  readonly activation: Activation | string;
  readonly momentum: number | undefined;
  readonly epsilon: number | undefined;
  private readonly activationFn: Activation;
  private parts: { conv: Conv2D; norm: BatchNorm } | undefined;

  constructor(options: ConvBlockOptions) {
    super(options, 'ConvBlock');
    const { name: _name, seed: _seed, trainable: _trainable, activation, momentum, epsilon, ...convOptions } = options;
    this.convOptions = { ...convOptions, useBias: false };
    // Validate now (synchronously), not at build: a throwaway Conv2D checks every conv option.
    new Conv2D({ ...this.convOptions, name: `${this.name}_check` });
    this.activation = activation ?? 'relu';
    this.activationFn = getActivation(this.activation, 'ConvBlock');
    this.momentum = momentum;
    this.epsilon = epsilon;
    new BatchNorm({ momentum, epsilon, name: `${this.name}_check_norm` });
  }

  /** The convolution and the batch norm (available once built). */
  get conv(): Conv2D | undefined {
    return this.parts?.conv;
  }
  get norm(): BatchNorm | undefined {
    return this.parts?.norm;
  }

  override children(): Layer[] {
    return this.parts ? [this.parts.conv, this.parts.norm] : [];
  }

  protected override build(_inputShape: number[]): void {
    const seed = this.seed ?? 0;
    const conv = new Conv2D({
      ...this.convOptions,
      name: `${this.name}/conv`,
      seed: childSeed(seed, 0),
      trainable: this.trainable,
    });
    const norm = new BatchNorm({
      momentum: this.momentum,
      epsilon: this.epsilon,
      name: `${this.name}/norm`,
      seed: childSeed(seed, 1),
      trainable: this.trainable,
    });
    this.parts = { conv, norm };
  }

  protected override call(x: tf.Tensor, context: CallContext): tf.Tensor {
    const { conv, norm } = this.parts as { conv: Conv2D; norm: BatchNorm };
    return this.activationFn(norm.apply(conv.apply(x, context), context));
  }

  override getConfig(): LayerConfig {
    return {
      ...super.getConfig(),
      ...this.convOptions,
      activation: activationNameOf(this.activation, 'ConvBlock.getConfig'),
      ...(this.momentum === undefined ? {} : { momentum: this.momentum }),
      ...(this.epsilon === undefined ? {} : { epsilon: this.epsilon }),
    };
  }
}

registerLayerType('ConvBlock', (config) => {
  const { useBias: _useBias, ...options } = config;
  return new ConvBlock(options as unknown as ConvBlockOptions);
});
