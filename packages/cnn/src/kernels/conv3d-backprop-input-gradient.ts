import * as tf from '@tensorflow/tfjs-core';
import { conv3dBackpropFilter } from './conv3d-backprop-filter.js';
import { conv3dForward } from './conv3d-forward.js';
import { exactConv3dBackpropInputKernel } from './wasm-conv3d-backprop-input.js';

/**
 * The gradient of the 3-D input gradient kernel, which is also conv3dTranspose's forward
 * (tfjs 4.22 has none, so a transposed 3-D convolution could not be trained): with ddx the
 * gradient arriving at its output [N, D, H, W, Cin], d/d dy = conv3d(ddx, filter) and
 * d/d filter = conv3dBackpropFilter(ddx, dy), as tfjs's Conv2DBackpropInput gradient does in 2-D.
 */
function gradientFor(kernelName: string): tf.GradConfig {
  return {
    kernelName,
    inputsToSave: ['dy', 'filter'],
    gradFunc: (ddx, saved, attrs) => {
      const [dy, filter] = saved as [tf.Tensor5D, tf.Tensor5D];
      const { strides, pad } = attrs as unknown as tf.Conv3DBackpropInputV2Attrs;
      const triple = (typeof strides === 'number' ? [strides, strides, strides] : strides) as [number, number, number];
      return {
        dy: () => conv3dForward(ddx as tf.Tensor5D, filter, triple, pad),
        filter: () => conv3dBackpropFilter(ddx as tf.Tensor5D, dy, filter.shape, triple, pad),
      };
    },
  };
}

/** Gradient configs of tfjs's Conv3DBackpropInputV2 and of this package's exact wasm kernel. */
export const conv3dBackpropInputGradientConfigs: readonly tf.GradConfig[] = [
  gradientFor(tf.Conv3DBackpropInputV2),
  gradientFor(exactConv3dBackpropInputKernel),
];
