import * as tf from '@tensorflow/tfjs-core';
import { ArgumentError } from '@baihua/core';
import { conv3dBackpropFilter } from './conv3d-backprop-filter.js';
import { conv3dBackpropInput } from './conv3d-backprop-input.js';
import { fastConv3dKernel } from './wasm-conv3d.js';

/**
 * The gradient of tfjs's Conv3D kernel, as tfjs-core defines it (dx = conv3dBackpropInput,
 * dW = conv3dBackpropFilter), except that on a backend with this package's exact conv3d gradient
 * kernels (wasm, whose stock ones are wrong) it runs those. Registered over tfjs's config when
 * @baihua/cnn is imported, so every tf.conv3d trains correctly on wasm too; the same gradient
 * serves this package's {@link fastConv3dKernel}.
 * Like tfjs's, it refuses dilations > 1 (conv3d dilates the filter itself instead).
 */
export const conv3dGradientConfig: tf.GradConfig = gradientFor(tf.Conv3D);

/** The same gradient for the wasm {@link fastConv3dKernel}. */
export const fastConv3dGradientConfig: tf.GradConfig = gradientFor(fastConv3dKernel);

function gradientFor(kernelName: string): tf.GradConfig {
  return {
    kernelName,
    inputsToSave: ['x', 'filter'],
    gradFunc: (dy, saved, attrs) => {
      const { dilations, strides, pad } = attrs as unknown as tf.Conv3DAttrs;
      const rate = dilations ?? 1;
      const rates = typeof rate === 'number' ? [rate, rate, rate] : rate;
      if (rates.some((rate) => rate !== 1)) {
        // tfjs frees a node's saved tensors only after a successful backward pass: free them here.
        tf.dispose(saved);
        throw new ArgumentError(
          'conv3d gradient',
          `expected dilations of 1 (dilate the filter instead, as conv3d does), got [${rates}]`,
        );
      }
      const [x, filter] = saved as [tf.Tensor5D, tf.Tensor5D];
      const triple = (typeof strides === 'number' ? [strides, strides, strides] : strides) as [number, number, number];
      return {
        x: () => conv3dBackpropInput(x.shape, dy as tf.Tensor5D, filter, triple, pad),
        filter: () => conv3dBackpropFilter(x, dy as tf.Tensor5D, filter.shape, triple, pad),
      };
    },
  };
}
