import * as tf from '@tensorflow/tfjs-core';
import { ShapeError, assertKnownOptions, assertRank, describeShape } from '@baihua/core';
import {
  checkConvOperands,
  checkPadding,
  convPaddings,
  normalizePair,
  type ConvPadding,
  type SizePair,
} from './conv-checks.js';
import { tfjsConvPadding } from './conv-geometry.js';
import { dilateFilter } from './dilate-filter.js';

/** The keys of {@link ConvolutionOptions}. */
export const convolutionOptionKeys: readonly string[] = ['padding', 'strides', 'dilations', 'bias'];

/**
 * Options of the convolution ops {@link conv2d}, {@link depthwiseConv2d} and
 * {@link separableConv2d}. (The Conv2D layer's options are `Conv2DOptions`: a different name, not
 * only a different case, so that the two cannot be confused.)
 */
export interface ConvolutionOptions {
  /**
   * 'valid' (default: no padding), 'same' (TensorFlow's: output ceil(n/s), odd pad at
   * bottom/right), 'full' ((k-1)d on every side).
   */
  padding?: ConvPadding;
  /** Step between windows, one number or [height, width]; default 1. */
  strides?: SizePair;
  /** Spacing between kernel taps, one number or [height, width]; default 1. */
  dilations?: SizePair;
  /** Per-output-channel bias [outChannels], added after the convolution. */
  bias?: tf.Tensor;
}

/**
 * 2-D convolution (cross-correlation, as every deep-learning library computes it), NHWC:
 * y[b, i, j, o] = sum_{m, n, c} w[m, n, c, o] x[b, i s_h + m d_h - p_top, j s_w + n d_w - p_left, c] + bias[o],
 * with x = 0 outside the input. Input [batch, height, width, inChannels], filter
 * [kh, kw, inChannels, outChannels], output [batch, outHeight, outWidth, outChannels] with the
 * sizes of {@link convOutputSize}: for stride 1 and dilation 1, valid (M-kh+1)x(N-kw+1),
 * same MxN, full (M+kh-1)x(N+kw-1).
 *
 * Differentiable on every backend with respect to input, filter and bias. Dilations > 1 are
 * computed as an ordinary convolution with the zero-dilated filter ({@link dilateFilter}), whose
 * gradient tfjs has; strides and dilations may both exceed 1.
 *
 * @example
 * const y = conv2d(tf.ones([1, 28, 28, 1]), tf.ones([5, 5, 1, 6]), { padding: 'full' }); // [1, 32, 32, 6]
 *
 * In plain words: slide the company stamp over the page; each position writes one number, how
 * strongly the paper under the stamp looks like the stamp.
 */
export function conv2d(input: tf.Tensor, filter: tf.Tensor, options: ConvolutionOptions = {}): tf.Tensor4D {
  const fn = 'conv2d';
  assertKnownOptions(fn, 'options', options, convolutionOptionKeys);
  checkConvOperands(fn, input, filter);
  const padding = checkPadding(fn, options.padding ?? 'valid', convPaddings);
  const strides = normalizePair(fn, 'strides', options.strides ?? 1);
  const dilations = normalizePair(fn, 'dilations', options.dilations ?? 1);
  const outChannels = filter.shape[3] as number;
  if (options.bias !== undefined) {
    assertRank(fn, 'bias', options.bias, 1);
    if (options.bias.shape[0] !== outChannels) {
      throw new ShapeError(
        fn,
        `expected bias of shape [${outChannels}] (the filter's output channels), got shape ` +
          `${describeShape(options.bias.shape)}`,
      );
    }
  }
  const kernel: [number, number] = [filter.shape[0] as number, filter.shape[1] as number];
  const pad = tfjsConvPadding(fn, input, kernel, strides, dilations, padding);
  return tf.tidy(() => {
    const dilated = dilateFilter(filter, dilations);
    const y = tf.conv2d(input as tf.Tensor4D, dilated, strides, pad);
    return options.bias === undefined ? y : tf.add(y, options.bias);
  });
}
