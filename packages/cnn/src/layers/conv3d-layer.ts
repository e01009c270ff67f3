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
import type { ConvPadding } from '../ops/conv-checks.js';
import { conv3d } from '../ops/conv3d.js';
import type { SizeTriple } from '../ops/volume-options.js';
import { checkInitializers } from './conv-layer-geometry.js';
import { checkConv3DGeometry, conv3dGeometryKeys } from './conv3d-layer-geometry.js';
import { checkVolumeInputShape } from './volume-input-shape.js';

/** Options of {@link Conv3D}. */
export interface Conv3DOptions extends LayerOptions {
  /** Output channels (number of filters). Required. */
  filters: number;
  /** Kernel size, one number or [depth, height, width]. Required. */
  kernelSize: SizeTriple;
  /** Default 1. */
  strides?: SizeTriple;
  /** 'valid' (default), 'same' or 'full'. */
  padding?: ConvPadding;
  /** Spacing between kernel taps (dilated / atrous convolution). Default 1. */
  dilations?: SizeTriple;
  /** A function or a registered name. Default 'linear' (none). */
  activation?: Activation | string;
  /** Default true. Turn off when a BatchNorm follows (its beta is the bias). */
  useBias?: boolean;
  /** Default 'glorotUniform' (fans over kd kh kw inChannels and kd kh kw filters); 'heNormal' suits ReLU. */
  kernelInitializer?: InitializerSpec;
  /** Default 'zeros'. */
  biasInitializer?: InitializerSpec;
}

/** The option keys of {@link Conv3D} besides name, trainable and seed. */
export const conv3dOptionKeys: readonly string[] = [
  ...conv3dGeometryKeys,
  'activation',
  'useBias',
  'kernelInitializer',
  'biasInitializer',
];

/**
 * 3-D convolution layer over NDHWC volumes: y = f(conv3d(x, W) + b) with W [kd, kh, kw, inChannels,
 * filters] and b [filters] (see {@link conv3d} for the formula and output sizes). x: [batch, D, H, W,
 * C] -> [batch, outD, outH, outW, filters]. The kernel is subject to `fit`'s weight decay, the bias
 * not. Trains on cpu, wasm (with this package's Conv3D gradient kernels) and webgpu.
 *
 * @example
 * const c1 = new Conv3D({ filters: 8, kernelSize: 3, padding: 'same', activation: 'relu', seed: 1 });
 * c1.apply(tf.zeros([2, 16, 32, 32, 1])).shape; // [2, 16, 32, 32, 8]
 *
 * In plain words: a team of small cubes, each learning one 3-D pattern, pushed through every spot of a scan.
 */
export class Conv3D extends Layer {
  readonly filters: number;
  readonly kernelSize: [number, number, number];
  readonly strides: [number, number, number];
  readonly padding: ConvPadding;
  readonly dilations: [number, number, number];
  readonly activation: Activation | string;
  readonly useBias: boolean;
  readonly kernelInitializer: InitializerSpec;
  readonly biasInitializer: InitializerSpec;
  private readonly activationFn: Activation;

  constructor(options: Conv3DOptions) {
    super(options, 'Conv3D', conv3dOptionKeys);
    const geometry = checkConv3DGeometry('Conv3D', options);
    this.filters = geometry.filters;
    this.kernelSize = geometry.kernelSize;
    this.strides = geometry.strides;
    this.dilations = geometry.dilations;
    this.padding = geometry.padding;
    this.activation = options.activation ?? 'linear';
    this.activationFn = getActivation(this.activation, 'Conv3D');
    this.useBias = options.useBias ?? true;
    this.kernelInitializer = options.kernelInitializer ?? 'glorotUniform';
    this.biasInitializer = options.biasInitializer ?? 'zeros';
    checkInitializers(this.kernelInitializer, this.biasInitializer);
  }

  protected override build(inputShape: number[]): void {
    const span = this.kernelSize.map((k, axis) => (k - 1) * (this.dilations[axis] as number) + 1);
    const dilated = this.dilations.some((d) => d > 1);
    checkVolumeInputShape('Conv3D', inputShape, {
      what: dilated ? 'effective kernel' : 'kernel',
      size: span as [number, number, number],
      padding: this.padding,
    });
    this.addWeight('kernel', [...this.kernelSize, inputShape[4] as number, this.filters], {
      initializer: this.kernelInitializer,
      regularize: true,
    });
    if (this.useBias) this.addWeight('bias', [this.filters], { initializer: this.biasInitializer });
  }

  protected override call(x: tf.Tensor, _context: CallContext): tf.Tensor {
    const options = { padding: this.padding, strides: this.strides, dilations: this.dilations };
    const y = conv3d(
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
      activation: activationNameOf(this.activation, 'Conv3D.getConfig'),
      useBias: this.useBias,
      kernelInitializer: this.kernelInitializer,
      biasInitializer: this.biasInitializer,
    };
  }
}

registerLayerType('Conv3D', (config) => new Conv3D(config as unknown as Conv3DOptions));
