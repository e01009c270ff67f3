import * as tf from '@tensorflow/tfjs-core';
import {
  ArgumentError,
  type CallContext,
  Layer,
  type LayerConfig,
  type LayerOptions,
  registerLayerType,
} from '@baihua/core';

/** Options of {@link OnnxTile}. */
export interface OnnxTileOptions extends LayerOptions {
  /** Repeats of each non-batch axis (positive integers). Required. */
  reps: number[];
}

/**
 * ONNX Tile with the batch repeated once: y = x repeated reps[i] times along axis i + 1 (the
 * RepeatVector that exportOnnx writes as Unsqueeze + Tile). dy/dx sums the copies.
 * Shapes: [batch, d1, ..., dk] -> [batch, d1 reps[0], ..., dk reps[k-1]].
 *
 * @example
 * new OnnxTile({ reps: [3, 1] }).apply(tf.ones([2, 1, 4])).shape; // [2, 3, 4]
 *
 * In plain words: copy each example's data side by side a few times.
 */
export class OnnxTile extends Layer {
  readonly reps: number[];

  constructor(options: OnnxTileOptions) {
    super(options, 'OnnxTile', ['reps']);
    if (!Array.isArray(options.reps) || !options.reps.every((r) => Number.isInteger(r) && r >= 1))
      throw new ArgumentError('OnnxTile', `expected reps of positive integers, got ${JSON.stringify(options.reps)}`);
    this.reps = [...options.reps];
  }

  protected override call(x: tf.Tensor, _context: CallContext): tf.Tensor {
    return tf.tile(x, [1, ...this.reps]);
  }

  override getConfig(): LayerConfig {
    return { ...super.getConfig(), reps: [...this.reps] };
  }
}

registerLayerType('OnnxTile', (config) => new OnnxTile(config as unknown as OnnxTileOptions));
