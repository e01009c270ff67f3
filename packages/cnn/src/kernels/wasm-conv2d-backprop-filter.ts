import * as tf from '@tensorflow/tfjs-core';
import { heapFloats, runWasmKernel, wasmHeapBackend, type WasmHeapBackend } from './wasm-heap.js';

/**
 * Most floats one im2col chunk may hold (default 8 Mi floats, 32 MB); bigger batches are split by
 * image and the partial products summed. Mutable so that tests can force the split on small inputs.
 */
export const im2colLimits = { maxPatchFloats: 8 * 1024 * 1024 };

/**
 * Conv2DBackpropFilter for tfjs-backend-wasm, which 4.22 lacks (so conv training fails there):
 * dW[m, n, c, o] = sum_{b, i, j} x[b, i s_h + m - p_top, j s_w + n - p_left, c] dy[b, i, j, o].
 * Computed as im2col then one matrix product on the wasm backend's own BatchMatMul:
 * patchesᵀ [kh kw C, B OH OW] (rows in the filter's layout), dW = patchesᵀ dy.
 */
export function wasmConv2dBackpropFilter(args: {
  inputs: tf.NamedTensorInfoMap;
  backend: unknown;
  attrs?: tf.NamedAttrMap;
}): tf.TensorInfo {
  const kernel = tf.Conv2DBackpropFilter;
  const backend = wasmHeapBackend(kernel, args.backend);
  const { x, dy } = args.inputs as { x: tf.TensorInfo; dy: tf.TensorInfo };
  const { strides, pad, dataFormat, dimRoundingMode, filterShape } =
    args.attrs as unknown as tf.Conv2DBackpropFilterAttrs;
  if (dataFormat !== undefined && dataFormat !== 'NHWC')
    throw new Error(`${kernel} (baihua wasm kernel): only NHWC is supported, got ${dataFormat}`);
  const info = tf.backend_util.computeConv2DInfo(
    x.shape as [number, number, number, number],
    filterShape,
    strides,
    1,
    pad,
    dimRoundingMode,
  );
  const { batchSize, outHeight, outWidth, outChannels } = info;
  const patchSize = info.filterHeight * info.filterWidth * info.inChannels;
  const rowsPerImage = outHeight * outWidth;
  const imagesPerChunk = Math.max(
    1,
    Math.min(batchSize, Math.floor(im2colLimits.maxPatchFloats / Math.max(1, rowsPerImage * patchSize))),
  );
  if (imagesPerChunk === batchSize) {
    const product = chunkProduct(backend, kernel, x, dy, info, 0, batchSize);
    return { dataId: product.dataId, shape: [...filterShape], dtype: 'float32' };
  }
  const sum = new Float32Array(patchSize * outChannels);
  for (let start = 0; start < batchSize; start += imagesPerChunk) {
    const product = chunkProduct(backend, kernel, x, dy, info, start, Math.min(imagesPerChunk, batchSize - start));
    const values = heapFloats(backend, kernel, product);
    for (let i = 0; i < sum.length; i++) sum[i] = (sum[i] as number) + (values[i] as number);
    backend.disposeData(product.dataId);
  }
  const out = backend.makeOutput([...filterShape], 'float32');
  heapFloats(backend, kernel, out).set(sum);
  return out;
}

/** patchesᵀ dy for images [start, start + count): a [kh kw C, O] tensor on the heap. */
function chunkProduct(
  backend: WasmHeapBackend,
  kernel: string,
  x: tf.TensorInfo,
  dy: tf.TensorInfo,
  info: tf.backend_util.Conv2DInfo,
  start: number,
  count: number,
): tf.TensorInfo {
  const {
    inHeight,
    inWidth,
    inChannels,
    outHeight,
    outWidth,
    outChannels,
    filterHeight,
    filterWidth,
    strideHeight,
    strideWidth,
  } = info;
  const patchSize = filterHeight * filterWidth * inChannels;
  const rows = count * outHeight * outWidth;
  const whole = start === 0 && count === info.batchSize;
  const patches = backend.makeOutput([patchSize, rows], 'float32');
  const dyRows: tf.TensorInfo = whole
    ? { dataId: dy.dataId, shape: [rows, outChannels], dtype: 'float32' }
    : backend.makeOutput([rows, outChannels], 'float32');
  // Views only now: the allocations above may have grown (and detached) the heap.
  const xs = heapFloats(backend, kernel, x);
  const cols = heapFloats(backend, kernel, patches);
  if (!whole) {
    const dys = heapFloats(backend, kernel, dy);
    const offset = start * outHeight * outWidth * outChannels;
    heapFloats(backend, kernel, dyRows).set(dys.subarray(offset, offset + rows * outChannels));
  }
  // Written tap by tap (sequential writes): row k = (m kw + n) C + c of patchesᵀ holds that tap's
  // input pixel for every output position of the chunk.
  const top = info.padInfo.top;
  const left = info.padInfo.left;
  for (let m = 0; m < filterHeight; m++) {
    for (let n = 0; n < filterWidth; n++) {
      for (let ch = 0; ch < inChannels; ch++) {
        let at = ((m * filterWidth + n) * inChannels + ch) * rows;
        for (let b = start; b < start + count; b++) {
          const imageBase = b * inHeight * inWidth * inChannels + ch;
          for (let i = 0; i < outHeight; i++) {
            const r = i * strideHeight + m - top;
            const inside = r >= 0 && r < inHeight;
            const rowBase = imageBase + r * inWidth * inChannels;
            for (let j = 0; j < outWidth; j++, at++) {
              const c = j * strideWidth + n - left;
              cols[at] = inside && c >= 0 && c < inWidth ? (xs[rowBase + c * inChannels] as number) : 0;
            }
          }
        }
      }
    }
  }
  // patchesᵀ is built transposed: the wasm BatchMatMul is 8-16x slower with transposeA (measured).
  const product = runWasmKernel(tf.BatchMatMul, { a: patches, b: dyRows }, backend, {
    transposeA: false,
    transposeB: false,
  });
  backend.disposeData(patches.dataId);
  if (!whole) backend.disposeData(dyRows.dataId);
  return product;
}

/** Registration record for {@link wasmConv2dBackpropFilter}. */
export const wasmConv2dBackpropFilterConfig: tf.KernelConfig = {
  kernelName: tf.Conv2DBackpropFilter,
  backendName: 'wasm',
  kernelFunc: wasmConv2dBackpropFilter as unknown as tf.KernelFunc,
};
