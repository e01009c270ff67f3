import * as tf from '@tensorflow/tfjs-core';
import {
  ArgumentError,
  type CallContext,
  Layer,
  type LayerConfig,
  type LayerOptions,
  registerLayerType,
} from '@baihua/core';

const ops = { mean: tf.mean, sum: tf.sum, max: tf.max };

/** Options of {@link OnnxReduce}. */
export interface OnnxReduceOptions extends LayerOptions {
  /** 'mean', 'sum' or 'max'. Required. */
  op: keyof typeof ops;
  /** The axes reduced, each >= 1 (never the batch). Required. */
  axes: number[];
  /** Keep the reduced axes with size 1. Default true (ONNX's keepdims 1). */
  keepDims?: boolean;
}

/**
 * ONNX ReduceMean / ReduceSum / ReduceMax over any non-batch axes: y = op over `axes` of x. The
 * importer uses it where no pooling layer fits (GroupNorm's statistics over [batch, ..., groups,
 * C / groups], attention's sum over features). Gradients are tfjs'.
 * Shapes: x with `axes` set to 1 (keepDims) or removed.
 *
 * @example
 * new OnnxReduce({ op: 'mean', axes: [1, 3] }).apply(tf.ones([2, 3, 4, 5])).shape; // [2, 1, 4, 1]
 *
 * In plain words: average (or add up, or take the largest of) some axes of each example.
 */
export class OnnxReduce extends Layer {
  readonly op: OnnxReduceOptions['op'];
  readonly axes: number[];
  readonly keepDims: boolean;

  constructor(options: OnnxReduceOptions) {
    super(options, 'OnnxReduce', ['op', 'axes', 'keepDims']);
    if (!Object.hasOwn(ops, options.op))
      throw new ArgumentError('OnnxReduce', `expected op one of ${Object.keys(ops).join(', ')}, got '${options.op}'`);
    if (
      !Array.isArray(options.axes) ||
      options.axes.length === 0 ||
      !options.axes.every((a) => Number.isInteger(a) && a >= 1)
    )
      throw new ArgumentError('OnnxReduce', `expected axes of integers >= 1, got ${JSON.stringify(options.axes)}`);
    this.op = options.op;
    this.axes = [...options.axes];
    this.keepDims = options.keepDims ?? true;
  }

  protected override call(x: tf.Tensor, _context: CallContext): tf.Tensor {
    return ops[this.op](x, this.axes, this.keepDims);
  }

  override getConfig(): LayerConfig {
    return { ...super.getConfig(), op: this.op, axes: [...this.axes], keepDims: this.keepDims };
  }
}

registerLayerType('OnnxReduce', (config) => new OnnxReduce(config as unknown as OnnxReduceOptions));
