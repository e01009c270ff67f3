import type * as tf from '@tensorflow/tfjs-core';
import {
  Layer,
  activationNameOf,
  getActivation,
  registerLayerType,
  type Activation,
  type CallContext,
  type InitializerSpec,
  type LayerConfig,
  type LayerOptions,
} from '@baihua/core';
import { poolPaddings, type PoolPadding } from '../ops/conv-checks.js';
import { conv3dTranspose } from '../ops/conv3d-transpose.js';
import type { SizeTriple } from '../ops/volume-options.js';
import { checkInitializers } from './conv-layer-geometry.js';
import { checkConv3DGeometry } from './conv3d-layer-geometry.js';
import { checkVolumeInputShape } from './volume-input-shape.js';

/** Options of {@link Conv3DTranspose}. */
export interface Conv3DTransposeLayerOptions extends LayerOptions {
  /** Output channels (number of filters). Required. */
  filters: number;
  /** Kernel size, one number or [depth, height, width]. Required. */
  kernelSize: SizeTriple;
  /** Upsampling factor per axis. Default 1. */
  strides?: SizeTriple;
  /** 'valid' (default: out = (n - 1) s + k) or 'same' (out = n s). */
  padding?: PoolPadding;
  /** A function or a registered name. Default 'linear' (none). */
  activation?: Activation | string;
  /** Default true. */
  useBias?: boolean;
  /** Default 'glorotUniform'. */
  kernelInitializer?: InitializerSpec;
  /** Default 'zeros'. */
  biasInitializer?: InitializerSpec;
}

/** The option keys of {@link Conv3DTranspose} besides name, trainable and seed. */
export const conv3dTransposeLayerOptionKeys: readonly string[] = [
  'filters',
  'kernelSize',
  'strides',
  'padding',
  'activation',
  'useBias',
  'kernelInitializer',
  'biasInitializer',
];

/**
 * Transposed 3-D convolution layer (a U-Net decoder's learned upsampling): y = f(conv3dTranspose(x,
 * W) + b) with W [kd, kh, kw, filters, inChannels] (out channels before in channels, as Keras and
 * tfjs store it) and b [filters]; see {@link conv3dTranspose} for the formula. x: [batch, D, H, W,
 * C] -> [batch, outD, outH, outW, filters] with out = (n - 1) s + k ('valid') or n s ('same'). The
 * kernel is subject to `fit`'s weight decay, the bias not.
 *
 * @example
 * const up = new Conv3DTranspose({ filters: 8, kernelSize: 2, strides: 2, seed: 1 });
 * up.apply(tf.zeros([1, 4, 8, 8, 16])).shape; // [1, 8, 16, 16, 8]
 *
 * In plain words: each coarse voxel prints a learned little cube onto a finer grid.
 */
export class Conv3DTranspose extends Layer {
  readonly filters: number;
  readonly kernelSize: [number, number, number];
  readonly strides: [number, number, number];
  readonly padding: PoolPadding;
  readonly activation: Activation | string;
  readonly useBias: boolean;
  readonly kernelInitializer: InitializerSpec;
  readonly biasInitializer: InitializerSpec;
  private readonly activationFn: Activation;

  constructor(options: Conv3DTransposeLayerOptions) {
    super(options, 'Conv3DTranspose', conv3dTransposeLayerOptionKeys);
    const geometry = checkConv3DGeometry('Conv3DTranspose', options, poolPaddings);
    this.filters = geometry.filters;
    this.kernelSize = geometry.kernelSize;
    this.strides = geometry.strides;
    this.padding = geometry.padding;
    this.activation = options.activation ?? 'linear';
    this.activationFn = getActivation(this.activation, 'Conv3DTranspose');
    this.useBias = options.useBias ?? true;
    this.kernelInitializer = options.kernelInitializer ?? 'glorotUniform';
    this.biasInitializer = options.biasInitializer ?? 'zeros';
    checkInitializers(this.kernelInitializer, this.biasInitializer);
  }

  protected override build(inputShape: number[]): void {
    checkVolumeInputShape('Conv3DTranspose', inputShape);
    this.addWeight('kernel', [...this.kernelSize, this.filters, inputShape[4] as number], {
      initializer: this.kernelInitializer,
      regularize: true,
    });
    if (this.useBias) this.addWeight('bias', [this.filters], { initializer: this.biasInitializer });
  }

  protected override call(x: tf.Tensor, _context: CallContext): tf.Tensor {
    const options = { padding: this.padding, strides: this.strides };
    const y = conv3dTranspose(
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
      activation: activationNameOf(this.activation, 'Conv3DTranspose.getConfig'),
      useBias: this.useBias,
      kernelInitializer: this.kernelInitializer,
      biasInitializer: this.biasInitializer,
    };
  }
}

registerLayerType('Conv3DTranspose', (config) => new Conv3DTranspose(config as unknown as Conv3DTransposeLayerOptions));
