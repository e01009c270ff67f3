import * as tf from '@tensorflow/tfjs-core';
import { ShapeError, assertKnownOptions, assertRank, describeShape } from '@baihua/core';
import { conv2d, convolutionOptionKeys, type ConvolutionOptions } from './conv2d.js';
import { checkDepthwise, depthwiseConv2d } from './depthwise-conv2d.js';

/**
 * Depthwise-separable convolution: a {@link depthwiseConv2d} (filter [kh, kw, C, M]) followed
 * by a pointwise 1x1 {@link conv2d} (filter [1, 1, C M, outChannels]) and the bias [outChannels]:
 * y = pointwise(depthwise(x)) + bias. Costs kh kw C M + C M O multiply-adds per pixel instead of
 * kh kw C O. Padding, strides and dilations apply to the depthwise step.
 *
 * @example
 * const y = separableConv2d(tf.ones([1, 8, 8, 3]), tf.ones([3, 3, 3, 1]), tf.ones([1, 1, 3, 16]), { padding: 'same' });
 * y.shape; // [1, 8, 8, 16]
 *
 * In plain words: first every channel is inspected on its own, then one cheap 1x1 step mixes them:
 * grouped checks instead of one huge inspection.
 */
export function separableConv2d(
  input: tf.Tensor,
  depthwiseFilter: tf.Tensor,
  pointwiseFilter: tf.Tensor,
  options: ConvolutionOptions = {},
): tf.Tensor4D {
  const fn = 'separableConv2d';
  assertKnownOptions(fn, 'options', options, convolutionOptionKeys);
  const { bias, ...depthwiseOptions } = options;
  checkDepthwise(fn, input, depthwiseFilter, depthwiseOptions, 'depthwiseFilter');
  assertRank(fn, 'pointwiseFilter', pointwiseFilter, 4);
  const mid = (depthwiseFilter.shape[2] as number) * (depthwiseFilter.shape[3] as number);
  const [ph, pw, pin] = pointwiseFilter.shape;
  if (ph !== 1 || pw !== 1 || pin !== mid) {
    throw new ShapeError(
      fn,
      `expected pointwiseFilter of shape [1,1,${mid},*], got shape ${describeShape(pointwiseFilter.shape)}`,
    );
  }
  if (bias !== undefined) {
    assertRank(fn, 'bias', bias, 1);
    if (bias.shape[0] !== pointwiseFilter.shape[3]) {
      throw new ShapeError(
        fn,
        `expected bias of shape [${pointwiseFilter.shape[3]}] (the pointwise filter's output channels), got shape ` +
          `${describeShape(bias.shape)}`,
      );
    }
  }
  return tf.tidy(() =>
    conv2d(
      depthwiseConv2d(input, depthwiseFilter, depthwiseOptions),
      pointwiseFilter,
      bias === undefined ? {} : { bias },
    ),
  );
}
