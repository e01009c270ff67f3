import * as tf from '@tensorflow/tfjs-core';
import { exactMaxPoolGradKernel } from './wasm-max-pool-grad.js';

/**
 * The gradient of tfjs's MaxPool kernel, as tfjs-core defines it, except that on a backend with
 * an {@link exactMaxPoolGradKernel} kernel (wasm and webgpu, registered by this package) it runs
 * that one instead of the backend's MaxPoolGrad. Registered over tfjs's config when @baihua/cnn is
 * imported, so every tf.maxPool (also tfjs-layers' MaxPooling2D) sends a window's gradient to its
 * first maximum on every backend.
 */
export const maxPoolGradientConfig: tf.GradConfig = {
  kernelName: tf.MaxPool,
  inputsToSave: ['x'],
  outputsToSave: [true],
  gradFunc: (dy, saved, attrs) => {
    const [x, y] = saved as [tf.Tensor4D, tf.Tensor4D];
    const { filterSize, strides, pad, dimRoundingMode } = attrs as unknown as tf.MaxPoolAttrs;
    const kernelName =
      tf.getKernel(exactMaxPoolGradKernel, tf.getBackend()) === undefined ? tf.MaxPoolGrad : exactMaxPoolGradKernel;
    const gradAttrs = { filterSize, strides, pad, dimRoundingMode } as unknown as tf.NamedAttrMap;
    return {
      x: () =>
        tf.engine().runKernel(kernelName, { dy: dy as tf.Tensor4D, input: x, output: y }, gradAttrs) as tf.Tensor4D,
    };
  },
};
