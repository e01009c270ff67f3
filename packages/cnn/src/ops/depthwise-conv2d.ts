import * as tf from '@tensorflow/tfjs-core';
import { ShapeError, assertKnownOptions, assertRank, describeShape } from '@baihua/core';
import { checkConvOperands, checkPadding, convPaddings, normalizePair } from './conv-checks.js';
import { convolutionOptionKeys, type ConvolutionOptions } from './conv2d.js';
import { tfjsConvPadding, type TfjsPadding } from './conv-geometry.js';
import { dilateFilter } from './dilate-filter.js';

/**
 * Depthwise 2-D convolution, NHWC: every input channel c gets its own M filters,
 * y[b, i, j, c M + q] = sum_{m, n} w[m, n, c, q] x[b, i s_h + m d_h - p_top, j s_w + n d_w - p_left, c]
 *   + bias[c M + q].
 * Input [batch, height, width, C], filter [kh, kw, C, M] (M: channel multiplier), output
 * [batch, outHeight, outWidth, C M]; padding, strides and dilations as in {@link conv2d}, bias
 * [C M]. Differentiable on every backend (on wasm through the kernels this package registers).
 *
 * @example
 * depthwiseConv2d(tf.ones([1, 8, 8, 3]), tf.ones([3, 3, 3, 2]), { padding: 'same' }).shape; // [1, 8, 8, 6]
 *
 * In plain words: the red expert only looks at the red channel, the green one at green: no mixing.
 */
export function depthwiseConv2d(input: tf.Tensor, filter: tf.Tensor, options: ConvolutionOptions = {}): tf.Tensor4D {
  const { strides, dilations, pad } = checkDepthwise('depthwiseConv2d', input, filter, options);
  return tf.tidy(() => {
    const y = tf.depthwiseConv2d(input as tf.Tensor4D, dilateFilter(filter, dilations), strides, pad);
    return options.bias === undefined ? y : tf.add(y, options.bias);
  });
}

/** Validates a depthwise convolution's operands and options (named after `functionName`). */
export function checkDepthwise(
  functionName: string,
  input: tf.Tensor,
  filter: tf.Tensor,
  options: ConvolutionOptions,
  filterName = 'filter',
): { strides: [number, number]; dilations: [number, number]; pad: TfjsPadding } {
  assertKnownOptions(functionName, 'options', options, convolutionOptionKeys);
  checkConvOperands(functionName, input, filter, filterName);
  const padding = checkPadding(functionName, options.padding ?? 'valid', convPaddings);
  const strides = normalizePair(functionName, 'strides', options.strides ?? 1);
  const dilations = normalizePair(functionName, 'dilations', options.dilations ?? 1);
  const outChannels = (filter.shape[2] as number) * (filter.shape[3] as number);
  if (options.bias !== undefined) {
    assertRank(functionName, 'bias', options.bias, 1);
    if (options.bias.shape[0] !== outChannels) {
      throw new ShapeError(
        functionName,
        `expected bias of shape [${outChannels}] (channels x multiplier), got shape ` +
          `${describeShape(options.bias.shape)}`,
      );
    }
  }
  const kernel: [number, number] = [filter.shape[0] as number, filter.shape[1] as number];
  return { strides, dilations, pad: tfjsConvPadding(functionName, input, kernel, strides, dilations, padding) };
}
