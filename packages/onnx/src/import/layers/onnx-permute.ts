import * as tf from '@tensorflow/tfjs-core';
import {
  ArgumentError,
  type CallContext,
  Layer,
  type LayerConfig,
  type LayerOptions,
  registerLayerType,
} from '@baihua/core';

/** Options of {@link OnnxPermute}. */
export interface OnnxPermuteOptions extends LayerOptions {
  /** The new order of the non-batch axes, 1-based (Keras' Permute): [3, 1, 2] turns NHWC into NCHW. */
  dims: number[];
}

/**
 * Reorders the non-batch axes: y[b, ...] = x[b, ...] with y.shape[i] = x.shape[dims[i - 1]]
 * (Keras' `Permute`). The importer puts it where an ONNX graph's layout (NCHW) meets baihua's
 * (NHWC): at an image input and before a Flatten of conv features. dy/dx is the inverse permutation.
 * Shapes: [batch, d1, ..., dk] -> [batch, d_dims[0], ..., d_dims[k-1]].
 *
 * @example
 * new OnnxPermute({ dims: [2, 3, 1] }).apply(tf.zeros([2, 1, 12, 12])); // NCHW -> NHWC: [2, 12, 12, 1]
 *
 * In plain words: turn the stack of pictures around so the colour channels come last.
 */
export class OnnxPermute extends Layer {
  readonly dims: number[];

  constructor(options: OnnxPermuteOptions) {
    super(options, 'OnnxPermute', ['dims']);
    const dims = options.dims;
    const sorted = Array.isArray(dims) ? [...dims].sort((a, b) => a - b) : [];
    if (sorted.length === 0 || !sorted.every((d, i) => d === i + 1))
      throw new ArgumentError('OnnxPermute', `expected dims to be a permutation of 1..k, got ${JSON.stringify(dims)}`);
    this.dims = [...dims];
  }

  protected override call(x: tf.Tensor, _context: CallContext): tf.Tensor {
    return tf.transpose(x, [0, ...this.dims]);
  }

  override getConfig(): LayerConfig {
    return { ...super.getConfig(), dims: [...this.dims] };
  }
}

registerLayerType('OnnxPermute', (config) => new OnnxPermute(config as unknown as OnnxPermuteOptions));
