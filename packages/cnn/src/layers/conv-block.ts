import type * as tf from '@tensorflow/tfjs-core';
import {
  BatchNorm,
  Layer,
  assertInRange,
  assertPositive,
  childSeed,
  registerLayerType,
  type Activation,
  type CallContext,
  type InitializerSpec,
  type LayerConfig,
} from '@baihua/core';
import { activationNameOf, getActivation } from '@baihua/core';
import { Conv2D, type Conv2DOptions } from './conv2d-layer.js';
import { checkConvGeometry, checkInitializers, convGeometryKeys, type ConvGeometry } from './conv-layer-geometry.js';

/** Options of {@link ConvBlock}: a Conv2D's (without bias) plus batch norm's. */
export interface ConvBlockOptions extends Omit<Conv2DOptions, 'useBias' | 'biasInitializer'> {
  /** Applied after batch norm. Default 'relu'. */
  activation?: Activation | string;
  /** Batch norm's running-statistics momentum, in [0, 1]. Default 0.99. */
  momentum?: number;
  /** Batch norm's epsilon, > 0. Default 1e-3. */
  epsilon?: number;
}

/** The convolution of a {@link ConvBlock} as checked data: its geometry and kernel initialiser. */
export interface ConvBlockConvolution extends ConvGeometry {
  kernelInitializer: InitializerSpec;
}

/**
 * The seed's CNN pipeline step: convolution, then batch normalisation, then the activation:
 * y = f(BN(conv2d(x, W))). The convolution has no bias (BN's beta plays that part). Training
 * mode uses batch statistics; inference the running ones. x: [batch, H, W, C] ->
 * [batch, outH, outW, filters]. Children: `conv` (Conv2D) and `norm` (BatchNorm), made at build
 * and named after the block (`block/conv`, `block/norm`). Every option is checked when the
 * block is made, as data.
 *
 * @example
 * const block = new ConvBlock({ filters: 16, kernelSize: 3, padding: 'same', seed: 1 });
 * block.apply(tf.zeros([4, 28, 28, 1]), { training: true }).shape; // [4, 28, 28, 16]
 *
 * In plain words: the workshop (conv), the quality check that puts every batch on the same scale
 * (BN), then the gate that lets only positive signals through (ReLU).
 */
export class ConvBlock extends Layer {
  /** The convolution's options, checked and normalised. */
  readonly convolution: ConvBlockConvolution;
  readonly activation: Activation | string;
  readonly momentum: number;
  readonly epsilon: number;
  private readonly activationFn: Activation;
  private parts: { conv: Conv2D; norm: BatchNorm } | undefined;

  constructor(options: ConvBlockOptions) {
    super(options, 'ConvBlock', [...convGeometryKeys, 'kernelInitializer', 'activation', 'momentum', 'epsilon']);
    this.convolution = {
      ...checkConvGeometry('ConvBlock', options),
      kernelInitializer: options.kernelInitializer ?? 'glorotUniform',
    };
    checkInitializers(this.convolution.kernelInitializer);
    this.activation = options.activation ?? 'relu';
    this.activationFn = getActivation(this.activation, 'ConvBlock');
    this.momentum = options.momentum ?? 0.99;
    this.epsilon = options.epsilon ?? 1e-3;
    assertInRange('ConvBlock', 'momentum', this.momentum, { min: 0, max: 1 });
    assertPositive('ConvBlock', 'epsilon', this.epsilon);
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
      ...this.convolution,
      useBias: false,
      seed: childSeed(seed, 0),
      trainable: this.trainable,
    });
    const norm = new BatchNorm({
      momentum: this.momentum,
      epsilon: this.epsilon,
      seed: childSeed(seed, 1),
      trainable: this.trainable,
    });
    this.nameChild(conv, 'conv');
    this.nameChild(norm, 'norm');
    this.parts = { conv, norm };
  }

  protected override call(x: tf.Tensor, context: CallContext): tf.Tensor {
    const { conv, norm } = this.parts as { conv: Conv2D; norm: BatchNorm };
    return this.activationFn(norm.apply(conv.apply(x, context), context));
  }

  override getConfig(): LayerConfig {
    return {
      ...super.getConfig(),
      ...this.convolution,
      activation: activationNameOf(this.activation, 'ConvBlock.getConfig'),
      momentum: this.momentum,
      epsilon: this.epsilon,
    };
  }
}

registerLayerType('ConvBlock', (config) => {
  // Configs saved by earlier versions carry useBias: false; the block's convolution never has one.
  const { useBias: _useBias, ...options } = config;
  return new ConvBlock(options as unknown as ConvBlockOptions);
});
