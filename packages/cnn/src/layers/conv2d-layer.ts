import type * as tf from '@tensorflow/tfjs-core';
import {
  Layer,
  ShapeError,
  describeShape,
  registerLayerType,
  type Activation,
  type CallContext,
  type InitializerSpec,
  type LayerConfig,
  type LayerOptions,
} from '@baihua/core';
import { conv2d } from '../ops/conv2d.js';
import type { ConvPadding, SizePair } from '../ops/conv-checks.js';
import { checkConvGeometry, checkInitializers, convGeometryKeys } from './conv-layer-geometry.js';
import { activationNameOf, getActivation } from '@baihua/core';

/** Options of {@link Conv2D}. */
export interface Conv2DOptions extends LayerOptions {
  /** Output channels (number of filters). Required. */
  filters: number;
  /** Kernel size, one number or [height, width]. Required. */
  kernelSize: SizePair;
  /** Default 1. */
  strides?: SizePair;
  /** 'valid' (default), 'same' or 'full'. */
  padding?: ConvPadding;
  /** Spacing between kernel taps (dilated / atrous convolution). Default 1. */
  dilations?: SizePair;
  /** A function or a registered name. Default 'linear' (none). */
  activation?: Activation | string;
  /** Default true. Turn off when a BatchNorm follows (its beta is the bias). */
  useBias?: boolean;
  /** Default 'glorotUniform'; 'heNormal' suits ReLU. */
  kernelInitializer?: InitializerSpec;
  /** Default 'zeros'. */
  biasInitializer?: InitializerSpec;
}

/** The option keys of {@link Conv2D} besides name, trainable and seed. */
export const conv2dOptionKeys: readonly string[] = [
  ...convGeometryKeys,
  'activation',
  'useBias',
  'kernelInitializer',
  'biasInitializer',
];

/**
 * 2-D convolution layer over NHWC images: y = f(conv2d(x, W) + b) with W [kh, kw, inChannels,
 * filters] and b [filters] (see {@link conv2d} for the formula and output sizes). x: [batch, H, W,
 * C] -> [batch, outH, outW, filters]. Trains on cpu, wasm (with this package's kernels) and webgpu.
 *
 * @example
 * const c1 = new Conv2D({ filters: 6, kernelSize: 5, activation: 'relu', seed: 1 });
 * c1.apply(tf.zeros([8, 32, 32, 1])).shape; // [8, 28, 28, 6]
 *
 * In plain words: a team of stamps, each learning one pattern, pressed on every spot of the picture.
 */
export class Conv2D extends Layer {
  readonly filters: number;
  readonly kernelSize: [number, number];
  readonly strides: [number, number];
  readonly padding: ConvPadding;
  readonly dilations: [number, number];
  readonly activation: Activation | string;
  readonly useBias: boolean;
  readonly kernelInitializer: InitializerSpec;
  readonly biasInitializer: InitializerSpec;
  private readonly activationFn: Activation;

  constructor(options: Conv2DOptions) {
    super(options, 'Conv2D', conv2dOptionKeys);
    const geometry = checkConvGeometry('Conv2D', options);
    this.filters = geometry.filters;
    this.kernelSize = geometry.kernelSize;
    this.strides = geometry.strides;
    this.dilations = geometry.dilations;
    this.padding = geometry.padding;
    this.activation = options.activation ?? 'linear';
    this.activationFn = getActivation(this.activation, 'Conv2D');
    this.useBias = options.useBias ?? true;
    this.kernelInitializer = options.kernelInitializer ?? 'glorotUniform';
    this.biasInitializer = options.biasInitializer ?? 'zeros';
    checkInitializers(this.kernelInitializer, this.biasInitializer);
  }

  protected override build(inputShape: number[]): void {
    if (inputShape.length !== 4) {
      throw new ShapeError(
        'Conv2D',
        `expected input of rank 4 ([batch, height, width, channels]), got rank ${inputShape.length} (shape ` +
          `${describeShape(inputShape)})`,
      );
    }
    this.addWeight('kernel', [...this.kernelSize, inputShape[3] as number, this.filters], {
      initializer: this.kernelInitializer,
      regularize: true,
    });
    if (this.useBias) this.addWeight('bias', [this.filters], { initializer: this.biasInitializer });
  }

  protected override call(x: tf.Tensor, _context: CallContext): tf.Tensor {
    const options = { padding: this.padding, strides: this.strides, dilations: this.dilations };
    const y = conv2d(
      x,
      this.weight('kernel').read(),
      this.useBias ? { ...options, bias: this.weight('bias').read() } : options,
    );
    return this.activationFn(y);
  }

  override getConfig(): LayerConfig {
    return {
      ...super.getConfig(),
      filters: this.filters,
      kernelSize: this.kernelSize,
      strides: this.strides,
      padding: this.padding,
      dilations: this.dilations,
      activation: activationNameOf(this.activation, 'Conv2D.getConfig'),
      useBias: this.useBias,
      kernelInitializer: this.kernelInitializer,
      biasInitializer: this.biasInitializer,
    };
  }
}

registerLayerType('Conv2D', (config) => new Conv2D(config as unknown as Conv2DOptions));
