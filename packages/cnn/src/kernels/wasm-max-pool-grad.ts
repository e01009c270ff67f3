import * as tf from '@tensorflow/tfjs-core';
import { type MaxPoolGradArgs, maxPoolGradInputs } from './max-pool-grad-inputs.js';
import { heapFloats, wasmHeapBackend } from './wasm-heap.js';

/** Name under which the exact max-pool gradient kernel is registered for wasm. */
export const exactMaxPoolGradKernel = 'BaihuaMaxPoolGrad';

/**
 * MaxPoolGrad for tfjs-backend-wasm with the cpu backend's rule: each window's gradient goes to
 * its first maximum in row-major order. Stock wasm 4.22 sends an all-negative window's gradient
 * to its first element instead. dx[argmax of window (i, j)] += dy[i, j].
 * Inputs as tfjs's MaxPoolGrad (dy, input, output); attrs filterSize, strides, pad, dimRoundingMode.
 */
export function wasmMaxPoolGrad(args: MaxPoolGradArgs): tf.TensorInfo {
  const kernel = tf.MaxPoolGrad;
  const backend = wasmHeapBackend(kernel, args.backend);
  const { dy, input, info } = maxPoolGradInputs(args);
  const {
    batchSize,
    inHeight,
    inWidth,
    inChannels: channels,
    outHeight,
    outWidth,
    strideHeight,
    strideWidth,
    filterHeight,
    filterWidth,
  } = info;
  const out = backend.makeOutput([...input.shape], 'float32');
  const dx = heapFloats(backend, kernel, out);
  const xs = heapFloats(backend, kernel, input);
  const dys = heapFloats(backend, kernel, dy);
  dx.fill(0);
  for (let b = 0; b < batchSize; b++) {
    for (let i = 0; i < outHeight; i++) {
      const rowStart = i * strideHeight - info.padInfo.top;
      const rowFrom = Math.max(0, rowStart);
      const rowTo = Math.min(inHeight, rowStart + filterHeight);
      for (let j = 0; j < outWidth; j++) {
        const colStart = j * strideWidth - info.padInfo.left;
        const colFrom = Math.max(0, colStart);
        const colTo = Math.min(inWidth, colStart + filterWidth);
        const yBase = ((b * outHeight + i) * outWidth + j) * channels;
        for (let d = 0; d < channels; d++) {
          let best = Number.NEGATIVE_INFINITY;
          let at = -1;
          for (let r = rowFrom; r < rowTo; r++) {
            for (let c = colFrom; c < colTo; c++) {
              const index = ((b * inHeight + r) * inWidth + c) * channels + d;
              const value = xs[index] as number;
              if (value > best) {
                best = value;
                at = index;
              }
            }
          }
          if (at >= 0) dx[at] = (dx[at] as number) + (dys[yBase + d] as number);
        }
      }
    }
  }
  return out;
}

/** Registration record: under its own name, since importing tfjs-backend-wasm re-registers the stock MaxPoolGrad. */
export const wasmMaxPoolGradConfig: tf.KernelConfig = {
  kernelName: exactMaxPoolGradKernel,
  backendName: 'wasm',
  kernelFunc: wasmMaxPoolGrad as unknown as tf.KernelFunc,
};
