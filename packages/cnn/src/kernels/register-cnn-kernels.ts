import * as tf from '@tensorflow/tfjs-core';
import { maxPoolGradientConfig } from './max-pool-gradient.js';
import { wasmConv2dBackpropFilterConfig } from './wasm-conv2d-backprop-filter.js';
import { wasmDepthwiseBackpropConfigs } from './wasm-depthwise-backprop.js';
import { wasmMaxPoolGradConfig } from './wasm-max-pool-grad.js';
import { webgpuMaxPoolGradConfig } from './webgpu-max-pool-grad.js';

const doneKey = Symbol.for('baihua.cnnKernelsRegistered');

/** The wasm kernels this package adds: tfjs-backend-wasm 4.22 lacks the first three, and its MaxPoolGrad is wrong. */
export const cnnWasmKernelConfigs: readonly tf.KernelConfig[] = [
  wasmConv2dBackpropFilterConfig,
  ...wasmDepthwiseBackpropConfigs,
  wasmMaxPoolGradConfig,
];

/** The webgpu kernel this package adds: stock webgpu 4.22's MaxPoolGrad sends a tie to the last maximum. */
export const cnnWebGpuKernelConfigs: readonly tf.KernelConfig[] = [webgpuMaxPoolGradConfig];

/**
 * Registers, once per process (also across duplicated installs): Conv2DBackpropFilter,
 * DepthwiseConv2dNativeBackpropInput and DepthwiseConv2dNativeBackpropFilter for the 'wasm'
 * backend, an exact max-pool gradient kernel for wasm and for webgpu (the first maximum of a tied
 * window gets the gradient, as on cpu), and a MaxPool gradient that uses it.
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
  state[doneKey] = true;
  return added;
}
