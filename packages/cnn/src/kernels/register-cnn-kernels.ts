import * as tf from '@tensorflow/tfjs-core';
import { conv3dBackpropInputGradientConfigs } from './conv3d-backprop-input-gradient.js';
import { conv3dGradientConfig, fastConv3dGradientConfig } from './conv3d-gradient.js';
import { maxPoolGradientConfig } from './max-pool-gradient.js';
import { wasmConv2dBackpropFilterConfig } from './wasm-conv2d-backprop-filter.js';
import { wasmConv3dBackpropFilterConfig } from './wasm-conv3d-backprop-filter.js';
import { wasmConv3dBackpropInputConfig } from './wasm-conv3d-backprop-input.js';
import { wasmConv3dConfig } from './wasm-conv3d.js';
import { wasmDepthwiseBackpropConfigs } from './wasm-depthwise-backprop.js';
import { wasmMaxPoolGradConfig } from './wasm-max-pool-grad.js';
import { webgpuMaxPoolGradConfig } from './webgpu-max-pool-grad.js';

const doneKey = Symbol.for('baihua.cnnKernelsRegistered');

/**
 * The wasm kernels this package adds: tfjs-backend-wasm 4.22 lacks the first three; its MaxPoolGrad
 * and its conv3d gradient kernels are wrong (the exact ones are registered under their own names); its
 * Conv3D is right but slow (a faster one under its own name).
 */
export const cnnWasmKernelConfigs: readonly tf.KernelConfig[] = [
  wasmConv2dBackpropFilterConfig,
  ...wasmDepthwiseBackpropConfigs,
  wasmMaxPoolGradConfig,
  wasmConv3dBackpropInputConfig,
  wasmConv3dBackpropFilterConfig,
  wasmConv3dConfig,
];

/** The webgpu kernel this package adds: stock webgpu 4.22's MaxPoolGrad sends a tie to the last maximum. */
export const cnnWebGpuKernelConfigs: readonly tf.KernelConfig[] = [webgpuMaxPoolGradConfig];

/**
 * Registers, once per process (also across duplicated installs): Conv2DBackpropFilter,
 * DepthwiseConv2dNativeBackpropInput and DepthwiseConv2dNativeBackpropFilter for the 'wasm'
 * backend, an exact max-pool gradient kernel for wasm and for webgpu (the first maximum of a tied
 * window gets the gradient, as on cpu), and a MaxPool gradient that uses it; exact conv3d input and
 * filter gradient kernels and a faster conv3d kernel for wasm, a Conv3D gradient that uses
 * them, and a gradient of the 3-D input gradient kernels (the forward of conv3dTranspose, which
 * tfjs cannot differentiate).
 * A kernel someone else already registered for wasm is left alone. Called when @baihua/cnn is
 * imported; returns how many kernels it added.
 *
 * @example
 * import '@baihua/cnn'; // registers; calling registerCnnKernels() again returns 0
 *
 * In plain words: gives the WebAssembly backend the missing tools for learning convolutions.
 */
export function registerCnnKernels(): number {
  const state = globalThis as { [doneKey]?: boolean };
  if (state[doneKey]) return 0;
  let added = 0;
  for (const config of [...cnnWasmKernelConfigs, ...cnnWebGpuKernelConfigs]) {
    if (tf.getKernel(config.kernelName, config.backendName) === undefined) {
      tf.registerKernel(config);
      added += 1;
    }
  }
  tf.registerGradient(maxPoolGradientConfig);
  tf.registerGradient(conv3dGradientConfig);
  tf.registerGradient(fastConv3dGradientConfig);
  for (const config of conv3dBackpropInputGradientConfigs) tf.registerGradient(config);
  state[doneKey] = true;
  return added;
}
