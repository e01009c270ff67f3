import { ConvBlock } from '@baihua/cnn';
import {
  ArgumentError,
  type CallContext,
  Layer,
  type LayerConfig,
  type LayerOptions,
  ShapeError,
  assertPositiveInteger,
  childSeed,
  describeShape,
} from '@baihua/core';
import * as tf from '@tensorflow/tfjs-core';

/** Options of {@link CaptionEncoder}. */
export interface CaptionEncoderOptions extends LayerOptions {
  /** Filters of each 3 x 3 stride-2 ConvBlock (each halves the grid). Default [16, 32, 64]. */
  filters?: readonly number[];
}

/**
 * The captioner's CNN encoder: two coordinate channels (x and y in [-1, 1], so features know where
 * they are; Liu et al. 2018's CoordConv) are appended to the image, then per entry of `filters` a
 * ConvBlock (3 x 3 'same' convolution with stride 2, batch norm, ReLU; a strided convolution costs
 * a quarter of a convolution and pool, which matters for training on a CPU); the last feature map
 * [B, H', W', C] is read out as the decoder's memory [B, H' * W', C] (row-major positions:
 * p = row * W' + col). images [B, H, W, 3] with H, W divisible by 2^filters.length.
 *
 * In plain words: squeeze the picture into a small grid of feature vectors, one per region, that
 * the decoder can look at one by one.
 *
 * @example
 * const encoder = new CaptionEncoder({ filters: [16, 32], seed: 1 });
 * encoder.apply(tf.zeros([2, 48, 48, 3])).shape; // [2, 144, 32] (a 12 x 12 grid)
 */
export class CaptionEncoder extends Layer {
  readonly filters: readonly number[];
  private readonly blocks: ConvBlock[];

  constructor(options: CaptionEncoderOptions = {}) {
    super(options, 'CaptionEncoder', ['filters']);
    const { filters = [16, 32, 64] } = options;
    if (!Array.isArray(filters) || filters.length === 0)
      throw new ArgumentError('CaptionEncoder', `expected filters to be a non-empty array, got ${String(filters)}`);
    filters.forEach((count, i) => assertPositiveInteger('CaptionEncoder', `filters[${i}]`, count));
    this.filters = [...filters];
    const seed = this.seed ?? 0;
    this.blocks = this.filters.map(
      (count, i) =>
        new ConvBlock({ filters: count, kernelSize: 3, strides: 2, padding: 'same', seed: childSeed(seed, i) }),
    );
    this.blocks.forEach((block, i) => this.nameChild(block, `block${i}`));
  }

  /** Width C of each memory position (the last block's filters). */
  get memorySize(): number {
    return this.filters.at(-1) as number;
  }

  /** Side of the memory grid for an image side: side / 2^blocks. */
  gridSize(imageSide: number): number {
    return imageSide / 2 ** this.filters.length;
  }

  override children(): Layer[] {
    return [...this.blocks];
  }

  protected override checkInputShape(shape: readonly number[] | readonly (readonly number[])[]): void {
    const step = 2 ** this.filters.length;
    const s = shape as number[];
    if (s.length !== 4 || s[3] !== 3 || (s[1] as number) % step !== 0 || (s[2] as number) % step !== 0) {
      throw new ShapeError(
        'CaptionEncoder',
        `expected images of shape [B, H, W, 3] with H and W divisible by ${step}, got ${describeShape(s)}`,
      );
    }
  }

  protected override call(x: tf.Tensor, context: CallContext): tf.Tensor {
    const [batch, height, width] = x.shape as [number, number, number, number];
    const along = (n: number) => tf.linspace(-1, 1, n);
    const xs = tf.tile(tf.reshape(along(width), [1, 1, width, 1]), [batch, height, 1, 1]);
    const ys = tf.tile(tf.reshape(along(height), [1, height, 1, 1]), [batch, 1, width, 1]);
    let features: tf.Tensor = tf.concat([x, xs, ys], 3);
    for (const block of this.blocks) features = block.apply(features, context);
    const [, rows, cols, channels] = features.shape as [number, number, number, number];
    return tf.reshape(features, [batch, rows * cols, channels]);
  }

  override getConfig(): LayerConfig {
    return { ...super.getConfig(), filters: [...this.filters] };
  }
}
