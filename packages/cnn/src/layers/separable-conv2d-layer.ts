import type * as tf from '@tensorflow/tfjs-core';
import {
  Layer,
  ShapeError,
  assertPositiveInteger,
  describeShape,
  registerLayerType,
  type Activation,
  type CallContext,
  type InitializerSpec,
  type LayerConfig,
} from '@baihua/core';
import { separableConv2d } from '../ops/separable-conv2d.js';
import type { ConvPadding } from '../ops/conv-checks.js';
import { checkConvGeometry, checkInitializers, convGeometryKeys } from './conv-layer-geometry.js';
import type { Conv2DOptions } from './conv2d-layer.js';
import { activationNameOf, getActivation } from '@baihua/core';

/** Options of {@link SeparableConv2D}: those of Conv2D plus the depth multiplier. */
export interface SeparableConv2DOptions extends Omit<Conv2DOptions, 'kernelInitializer'> {
  /** Depthwise filters per input channel (M). Default 1. */
  depthMultiplier?: number;
  /** Default 'glorotUniform'. */
  depthwiseInitializer?: InitializerSpec;
  /** Default 'glorotUniform'. */
  pointwiseInitializer?: InitializerSpec;
}

/**
 * Depthwise-separable convolution layer: y = f(pointwise(depthwise(x)) + b), depthwise kernel
 * [kh, kw, C, M], pointwise kernel [1, 1, C M, filters], bias [filters] (see
 * {@link separableConv2d}). x: [batch, H, W, C] -> [batch, outH, outW, filters]; padding, strides
 * and dilations apply to the depthwise step.
 *
 * @example
 * const layer = new SeparableConv2D({ filters: 32, kernelSize: 3, padding: 'same', seed: 1 });
 * layer.apply(tf.zeros([2, 16, 16, 8])).shape; // [2, 16, 16, 32]
 *
 * In plain words: check each colour channel with its own small stamp, then mix channels with a
 * 1x1 stamp: far fewer knobs than one big stamp over all channels.
 */
export class SeparableConv2D extends Layer {
  readonly filters: number;
  readonly kernelSize: [number, number];
  readonly strides: [number, number];
  readonly padding: ConvPadding;
  readonly dilations: [number, number];
  readonly depthMultiplier: number;
  readonly activation: Activation | string;
  readonly useBias: boolean;
  readonly depthwiseInitializer: InitializerSpec;
  readonly pointwiseInitializer: InitializerSpec;
  readonly biasInitializer: InitializerSpec;
  private readonly activationFn: Activation;

  constructor(options: SeparableConv2DOptions) {
    super(options, 'SeparableConv2D', [
      ...convGeometryKeys,
      'depthMultiplier',
      'activation',
      'useBias',
      'depthwiseInitializer',
      'pointwiseInitializer',
      'biasInitializer',
    ]);
    const fn = 'SeparableConv2D';
    const geometry = checkConvGeometry(fn, options);
    this.filters = geometry.filters;
    this.kernelSize = geometry.kernelSize;
    this.strides = geometry.strides;
    this.dilations = geometry.dilations;
    this.padding = geometry.padding;
    this.depthMultiplier = options.depthMultiplier ?? 1;
    assertPositiveInteger(fn, 'depthMultiplier', this.depthMultiplier);
    this.activation = options.activation ?? 'linear';
    this.activationFn = getActivation(this.activation, fn);
    this.useBias = options.useBias ?? true;
    this.depthwiseInitializer = options.depthwiseInitializer ?? 'glorotUniform';
    this.pointwiseInitializer = options.pointwiseInitializer ?? 'glorotUniform';
    this.biasInitializer = options.biasInitializer ?? 'zeros';
    checkInitializers(this.depthwiseInitializer, this.pointwiseInitializer, this.biasInitializer);
  }

  protected override build(inputShape: number[]): void {
    if (inputShape.length !== 4) {
      throw new ShapeError(
        'SeparableConv2D',
        `expected input of rank 4 ([batch, height, width, channels]), got rank ${inputShape.length} (shape ` +
          `${describeShape(inputShape)})`,
      );
    }
    const channels = inputShape[3] as number;
    this.addWeight('depthwiseKernel', [...this.kernelSize, channels, this.depthMultiplier], {
      initializer: this.depthwiseInitializer,
      regularize: true,
    });
    this.addWeight('pointwiseKernel', [1, 1, channels * this.depthMultiplier, this.filters], {
      initializer: this.pointwiseInitializer,
      regularize: true,
    });
    if (this.useBias) this.addWeight('bias', [this.filters], { initializer: this.biasInitializer });
  }

  protected override call(x: tf.Tensor, _context: CallContext): tf.Tensor {
    const options = { padding: this.padding, strides: this.strides, dilations: this.dilations };
    const depthwise = this.weight('depthwiseKernel').read();
    const pointwise = this.weight('pointwiseKernel').read();
    const y = separableConv2d(
      x,
      depthwise,
      pointwise,
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
      depthMultiplier: this.depthMultiplier,
      activation: activationNameOf(this.activation, 'SeparableConv2D.getConfig'),
      useBias: this.useBias,
      depthwiseInitializer: this.depthwiseInitializer,
      pointwiseInitializer: this.pointwiseInitializer,
      biasInitializer: this.biasInitializer,
    };
  }
}

registerLayerType('SeparableConv2D', (config) => new SeparableConv2D(config as unknown as SeparableConv2DOptions));
