import type * as tf from '@tensorflow/tfjs-core';
import { Layer, registerLayerType, type CallContext, type LayerConfig, type LayerOptions } from '@baihua/core';
import { avgPool2d } from '../ops/avg-pool2d.js';
import { checkPadding, normalizePair, poolPaddings, type PoolPadding, type SizePair } from '../ops/conv-checks.js';
import { l2Pool2d } from '../ops/l2-pool2d.js';
import { maxPool2d } from '../ops/max-pool2d.js';
import type { PoolingOptions } from '../ops/pool-options.js';

/** Options of the pooling layers. */
export interface Pool2DLayerOptions extends LayerOptions {
  /** Window, one number or [height, width]. Default 2. */
  poolSize?: SizePair;
  /** Default poolSize. */
  strides?: SizePair;
  /** 'valid' (default) or 'same'. */
  padding?: PoolPadding;
}

type PoolOp = (x: tf.Tensor, options: PoolingOptions) => tf.Tensor;

/** Shared body of the three pooling layers: validated options, no weights. */
abstract class Pool2DLayer extends Layer {
  readonly poolSize: [number, number];
  readonly strides: [number, number];
  readonly padding: PoolPadding;

  constructor(
    options: Pool2DLayerOptions,
    typeName: string,
    private readonly op: PoolOp,
  ) {
    super(options, typeName, ['poolSize', 'strides', 'padding']);
    this.poolSize = normalizePair(typeName, 'poolSize', options.poolSize ?? 2);
    this.strides = normalizePair(typeName, 'strides', options.strides ?? this.poolSize);
    this.padding = checkPadding(typeName, options.padding ?? 'valid', poolPaddings);
  }

  protected override call(x: tf.Tensor, _context: CallContext): tf.Tensor {
    return this.op(x, { poolSize: this.poolSize, strides: this.strides, padding: this.padding });
  }

  override getConfig(): LayerConfig {
    return { ...super.getConfig(), poolSize: this.poolSize, strides: this.strides, padding: this.padding };
  }
}

/**
 * Max pooling layer ({@link maxPool2d}): [batch, H, W, C] -> [batch, outH, outW, C]; default 2x2, stride 2.
 * @example new MaxPool2D().apply(tf.zeros([1, 28, 28, 6])).shape; // [1, 14, 14, 6]
 * In plain words: keep the strongest signal of every 2x2 block.
 */
export class MaxPool2D extends Pool2DLayer {
  constructor(options: Pool2DLayerOptions = {}) {
    super(options, 'MaxPool2D', maxPool2d);
  }
}

/**
 * Average pooling layer ({@link avgPool2d}): [batch, H, W, C] -> [batch, outH, outW, C]; default 2x2, stride 2.
 * @example new AvgPool2D().apply(tf.zeros([1, 10, 10, 16])).shape; // [1, 5, 5, 16]
 * In plain words: keep the average of every 2x2 block.
 */
export class AvgPool2D extends Pool2DLayer {
  constructor(options: Pool2DLayerOptions = {}) {
    super(options, 'AvgPool2D', avgPool2d);
  }
}

/**
 * L2 pooling layer ({@link l2Pool2d}: square root of the sum of squares): [batch, H, W, C] -> [batch, outH, outW, C].
 * @example new L2Pool2D({ poolSize: 3, strides: 1 }).apply(tf.zeros([1, 7, 7, 4])).shape; // [1, 5, 5, 4]
 * In plain words: the block's combined energy, between max (one voice) and average (all equal).
 */
export class L2Pool2D extends Pool2DLayer {
  constructor(options: Pool2DLayerOptions = {}) {
    super(options, 'L2Pool2D', l2Pool2d);
  }
}

registerLayerType('MaxPool2D', (config) => new MaxPool2D(config as Pool2DLayerOptions));
registerLayerType('AvgPool2D', (config) => new AvgPool2D(config as Pool2DLayerOptions));
registerLayerType('L2Pool2D', (config) => new L2Pool2D(config as Pool2DLayerOptions));
