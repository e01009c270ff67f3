import * as tf from '@tensorflow/tfjs-core';
import { heapFloats, wasmHeapBackend } from './wasm-heap.js';

interface DepthwiseAttrs {
  strides: [number, number] | number;
  dilations: [number, number] | number;
  pad: 'valid' | 'same' | number | tf.backend_util.ExplicitPadding;
  dimRoundingMode?: 'floor' | 'round' | 'ceil';
}

type KernelArgs = { inputs: tf.NamedTensorInfoMap; backend: unknown; attrs?: tf.NamedAttrMap };

/**
 * Visits every (output position, kernel tap) pair of a depthwise convolution whose input position
 * lies inside the input, with the flat offsets of the input pixel (channel 0), the output pixel
 * (channel 0) and the tap (filter [kh, kw, C, M] viewed as [kh, kw, C M]).
 */
function forEachTap(
  info: tf.backend_util.Conv2DInfo,
  visit: (xBase: number, yBase: number, wBase: number) => void,
): void {
  const { batchSize, inHeight, inWidth, inChannels, outHeight, outWidth, outChannels, filterHeight, filterWidth } =
    info;
  const { strideHeight, strideWidth, dilationHeight, dilationWidth } = info;
  for (let b = 0; b < batchSize; b++) {
    for (let i = 0; i < outHeight; i++) {
      for (let j = 0; j < outWidth; j++) {
        const yBase = ((b * outHeight + i) * outWidth + j) * outChannels;
        for (let m = 0; m < filterHeight; m++) {
          const r = i * strideHeight + m * dilationHeight - info.padInfo.top;
          if (r < 0 || r >= inHeight) continue;
          for (let n = 0; n < filterWidth; n++) {
            const c = j * strideWidth + n * dilationWidth - info.padInfo.left;
            if (c < 0 || c >= inWidth) continue;
            visit(((b * inHeight + r) * inWidth + c) * inChannels, yBase, (m * filterWidth + n) * outChannels);
          }
        }
      }
    }
  }
}

/**
 * DepthwiseConv2dNativeBackpropInput for tfjs-backend-wasm (absent in 4.22):
 * dx[b, r, c, ch] = sum over taps and q of dy[b, i, j, ch M + q] w[m, n, ch, q].
 */
export function wasmDepthwiseBackpropInput(args: KernelArgs): tf.TensorInfo {
  const kernel = tf.DepthwiseConv2dNativeBackpropInput;
  const backend = wasmHeapBackend(kernel, args.backend);
  const { dy, filter } = args.inputs as { dy: tf.TensorInfo; filter: tf.TensorInfo };
  const { strides, dilations, pad, dimRoundingMode } = args.attrs as unknown as DepthwiseAttrs;
  const inputShape = (args.attrs as { inputShape: [number, number, number, number] }).inputShape;
  const info = tf.backend_util.computeConv2DInfo(
    inputShape,
    filter.shape as [number, number, number, number],
    strides,
    dilations,
    pad,
    dimRoundingMode,
    true,
  );
  const out = backend.makeOutput([...inputShape], 'float32');
  const dx = heapFloats(backend, kernel, out);
  const dys = heapFloats(backend, kernel, dy);
  const w = heapFloats(backend, kernel, filter);
  dx.fill(0);
  const channels = info.inChannels;
  const multiplier = info.outChannels / channels;
  forEachTap(info, (xBase, yBase, wBase) => {
    for (let ch = 0; ch < channels; ch++) {
      let sum = 0;
      for (let q = 0; q < multiplier; q++)
        sum += (dys[yBase + ch * multiplier + q] as number) * (w[wBase + ch * multiplier + q] as number);
      dx[xBase + ch] = (dx[xBase + ch] as number) + sum;
    }
  });
  return out;
}

/**
 * DepthwiseConv2dNativeBackpropFilter for tfjs-backend-wasm (absent in 4.22):
 * dW[m, n, ch, q] = sum over batch and output positions of x[b, r, c, ch] dy[b, i, j, ch M + q].
 */
export function wasmDepthwiseBackpropFilter(args: KernelArgs): tf.TensorInfo {
  const kernel = tf.DepthwiseConv2dNativeBackpropFilter;
  const backend = wasmHeapBackend(kernel, args.backend);
  const { x, dy } = args.inputs as { x: tf.TensorInfo; dy: tf.TensorInfo };
  const { strides, dilations, pad, dimRoundingMode } = args.attrs as unknown as DepthwiseAttrs;
  const filterShape = (args.attrs as { filterShape: [number, number, number, number] }).filterShape;
  const info = tf.backend_util.computeConv2DInfo(
    x.shape as [number, number, number, number],
    filterShape,
    strides,
    dilations,
    pad,
    dimRoundingMode,
    true,
  );
  const sum = new Float64Array(filterShape.reduce((a, b) => a * b, 1));
  const out = backend.makeOutput([...filterShape], 'float32');
  const xs = heapFloats(backend, kernel, x);
  const dys = heapFloats(backend, kernel, dy);
  const channels = info.inChannels;
  const multiplier = info.outChannels / channels;
  forEachTap(info, (xBase, yBase, wBase) => {
    for (let ch = 0; ch < channels; ch++) {
      const pixel = xs[xBase + ch] as number;
      for (let q = 0; q < multiplier; q++) {
        const o = ch * multiplier + q;
        sum[wBase + o] = (sum[wBase + o] as number) + pixel * (dys[yBase + o] as number);
      }
    }
  });
  heapFloats(backend, kernel, out).set(sum);
  return out;
}

/** Registration records for the two depthwise backprop kernels. */
export const wasmDepthwiseBackpropConfigs: tf.KernelConfig[] = [
  {
    kernelName: tf.DepthwiseConv2dNativeBackpropInput,
    backendName: 'wasm',
    kernelFunc: wasmDepthwiseBackpropInput as unknown as tf.KernelFunc,
  },
  {
    kernelName: tf.DepthwiseConv2dNativeBackpropFilter,
    backendName: 'wasm',
    kernelFunc: wasmDepthwiseBackpropFilter as unknown as tf.KernelFunc,
  },
];
