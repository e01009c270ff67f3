import type * as tf from '@tensorflow/tfjs-core';
import { Layer, registerLayerType, type CallContext, type LayerConfig, type LayerOptions } from '@baihua/core';
import { avgPool3d } from '../ops/avg-pool3d.js';
import { checkPadding, poolPaddings, type PoolPadding } from '../ops/conv-checks.js';
import { maxPool3d } from '../ops/max-pool3d.js';
import { normalizeTriple, pooling3dOptionKeys, type Pooling3DOptions, type SizeTriple } from '../ops/volume-options.js';
import { checkVolumeInputShape } from './volume-input-shape.js';

/** Options of the 3-D pooling layers. */
export interface Pool3DLayerOptions extends LayerOptions {
  /** Window, one number or [depth, height, width]. Default 2. */
  poolSize?: SizeTriple;
  /** Default poolSize. */
  strides?: SizeTriple;
  /** 'valid' (default) or 'same'. */
  padding?: PoolPadding;
}

type Pool3DOp = (x: tf.Tensor, options: Pooling3DOptions) => tf.Tensor;

/** Shared body of the 3-D pooling layers: validated options, no weights. */
abstract class Pool3DLayer extends Layer {
  readonly poolSize: [number, number, number];
  readonly strides: [number, number, number];
  readonly padding: PoolPadding;

  constructor(
    options: Pool3DLayerOptions,
    typeName: string,
    private readonly op: Pool3DOp,
  ) {
    super(options, typeName, pooling3dOptionKeys);
    this.poolSize = normalizeTriple(typeName, 'poolSize', options.poolSize ?? 2);
    this.strides = normalizeTriple(typeName, 'strides', options.strides ?? this.poolSize);
    this.padding = checkPadding(typeName, options.padding ?? 'valid', poolPaddings);
  }

  protected override build(inputShape: number[]): void {
    checkVolumeInputShape(this.typeName, inputShape, {
      what: 'pool window',
      size: this.poolSize,
      padding: this.padding,
    });
  }

  protected override call(x: tf.Tensor, _context: CallContext): tf.Tensor {
    return this.op(x, { poolSize: this.poolSize, strides: this.strides, padding: this.padding });
  }

  override getConfig(): LayerConfig {
    return { ...super.getConfig(), poolSize: this.poolSize, strides: this.strides, padding: this.padding };
  }
}

/**
 * 3-D max pooling layer ({@link maxPool3d}): [batch, D, H, W, C] -> [batch, outD, outH, outW, C];
 * default 2x2x2, stride 2.
 * @example new MaxPool3D().apply(tf.zeros([1, 16, 32, 32, 8])).shape; // [1, 8, 16, 16, 8]
 * In plain words: keep the strongest signal of every 2x2x2 cube.
 */
export class MaxPool3D extends Pool3DLayer {
  constructor(options: Pool3DLayerOptions = {}) {
    super(options, 'MaxPool3D', maxPool3d);
  }
}

/**
 * 3-D average pooling layer ({@link avgPool3d}): [batch, D, H, W, C] -> [batch, outD, outH, outW, C];
 * default 2x2x2, stride 2.
 * @example new AvgPool3D({ poolSize: [1, 2, 2] }).apply(tf.zeros([1, 16, 32, 32, 8])).shape; // [1, 16, 16, 16, 8]
 * In plain words: keep the average of every 2x2x2 cube.
 */
export class AvgPool3D extends Pool3DLayer {
  constructor(options: Pool3DLayerOptions = {}) {
    super(options, 'AvgPool3D', avgPool3d);
  }
}

registerLayerType('MaxPool3D', (config) => new MaxPool3D(config as Pool3DLayerOptions));
registerLayerType('AvgPool3D', (config) => new AvgPool3D(config as Pool3DLayerOptions));
