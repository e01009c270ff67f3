import * as tf from '@tensorflow/tfjs-core';
import { im2colLimits } from './wasm-conv2d-backprop-filter.js';
import { heapFloats, runWasmKernel, wasmHeapBackend, type WasmHeapBackend } from './wasm-heap.js';

/** Name under which the exact 3-D filter gradient kernel is registered for wasm. */
export const exactConv3dBackpropFilterKernel = 'BaihuaConv3DBackpropFilter';

/**
 * Conv3DBackpropFilterV2 for tfjs-backend-wasm; stock wasm 4.22's is wrong whenever a stride is > 1.
 * dW[p, q, t, c, o] = sum over b, d', h', w' of x[b, d' s_d + p - front, h' s_h + q - top, w' s_w + t - left, c]
 * dy[b, d', h', w', o] (zero outside x). Computed as im2col then the wasm backend's own BatchMatMul:
 * patchesᵀ [kd kh kw Cin, B D' H' W'] (rows in the filter's layout) times dy [B D' H' W', Cout].
 * Batches whose patches exceed `im2colLimits.maxPatchFloats` are split by image and the products summed.
 * Inputs as tfjs's (x, dy); attrs strides, pad, filterShape.
 */
export function wasmConv3dBackpropFilter(args: {
  inputs: tf.NamedTensorInfoMap;
  backend: unknown;
  attrs?: tf.NamedAttrMap;
}): tf.TensorInfo {
  const kernel = exactConv3dBackpropFilterKernel;
  const backend = wasmHeapBackend(kernel, args.backend);
  const { x, dy } = args.inputs as { x: tf.TensorInfo; dy: tf.TensorInfo };
  const { strides, pad, filterShape } = args.attrs as unknown as tf.Conv3DBackpropFilterV2Attrs;
  const info = tf.backend_util.computeConv3DInfo(x.shape as Shape5D, filterShape, strides, 1, pad);
  const { batchSize, outDepth, outHeight, outWidth, outChannels } = info;
  const patchSize = info.filterDepth * info.filterHeight * info.filterWidth * info.inChannels;
  const rowsPerImage = outDepth * outHeight * outWidth;
  const perChunk = Math.floor(im2colLimits.maxPatchFloats / Math.max(1, rowsPerImage * patchSize));
  const imagesPerChunk = Math.max(1, Math.min(batchSize, perChunk));
  if (imagesPerChunk === batchSize) {
    const product = chunkProduct(backend, x, dy, info, 0, batchSize);
    return { dataId: product.dataId, shape: [...filterShape], dtype: 'float32' };
  }
  const sum = new Float32Array(patchSize * outChannels);
  for (let start = 0; start < batchSize; start += imagesPerChunk) {
    const product = chunkProduct(backend, x, dy, info, start, Math.min(imagesPerChunk, batchSize - start));
    const values = heapFloats(backend, kernel, product);
    for (let i = 0; i < sum.length; i++) sum[i] = (sum[i] as number) + (values[i] as number);
    backend.disposeData(product.dataId);
  }
  const out = backend.makeOutput([...filterShape], 'float32');
  heapFloats(backend, kernel, out).set(sum);
  return out;
}

type Shape5D = [number, number, number, number, number];

/** patchesᵀ dy for images [start, start + count): a [kd kh kw Cin, Cout] tensor on the heap. */
function chunkProduct(
  backend: WasmHeapBackend,
  x: tf.TensorInfo,
  dy: tf.TensorInfo,
  info: tf.backend_util.Conv3DInfo,
  start: number,
  count: number,
): tf.TensorInfo {
  const kernel = exactConv3dBackpropFilterKernel;
  const { inDepth, inHeight, inWidth, inChannels, outDepth, outHeight, outWidth, outChannels } = info;
  const { filterDepth, filterHeight, filterWidth, strideDepth, strideHeight, strideWidth } = info;
  const { front, top, left } = info.padInfo;
  const rowsPerImage = outDepth * outHeight * outWidth;
  const rows = count * rowsPerImage;
  const whole = start === 0 && count === info.batchSize;
  const patches = backend.makeOutput([filterDepth * filterHeight * filterWidth * inChannels, rows], 'float32');
  const dyRows: tf.TensorInfo = whole
    ? { dataId: dy.dataId, shape: [rows, outChannels], dtype: 'float32' }
    : backend.makeOutput([rows, outChannels], 'float32');
  // Views only now: the allocations above may have grown (and detached) the heap.
  const xs = heapFloats(backend, kernel, x);
  const cols = heapFloats(backend, kernel, patches);
  if (!whole) {
    const offset = start * rowsPerImage * outChannels;
    heapFloats(backend, kernel, dyRows).set(
      heapFloats(backend, kernel, dy).subarray(offset, offset + rows * outChannels),
    );
  }
  // Written tap by tap (sequential writes): row ((p kh + q) kw + t) Cin + c of patchesᵀ holds that
  // tap's input voxel for every output position of the chunk.
  const imageSize = inDepth * inHeight * inWidth * inChannels;
  let at = 0;
  for (let p = 0; p < filterDepth; p++) {
    for (let q = 0; q < filterHeight; q++) {
      for (let t = 0; t < filterWidth; t++) {
        for (let ch = 0; ch < inChannels; ch++) {
          for (let b = start; b < start + count; b++) {
            for (let i = 0; i < outDepth; i++) {
              const z = i * strideDepth + p - front;
              const depthInside = z >= 0 && z < inDepth;
              for (let j = 0; j < outHeight; j++) {
                const r = j * strideHeight + q - top;
                if (!depthInside || r < 0 || r >= inHeight) {
                  cols.fill(0, at, at + outWidth);
                  at += outWidth;
                  continue;
                }
                const rowBase = b * imageSize + (z * inHeight + r) * inWidth * inChannels + ch;
                for (let k = 0; k < outWidth; k++, at++) {
                  const c = k * strideWidth + t - left;
                  cols[at] = c >= 0 && c < inWidth ? (xs[rowBase + c * inChannels] as number) : 0;
                }
              }
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

/** Registration record: under its own name, since importing tfjs-backend-wasm re-registers the stock kernel. */
export const wasmConv3dBackpropFilterConfig: tf.KernelConfig = {
  kernelName: exactConv3dBackpropFilterKernel,
  backendName: 'wasm',
  kernelFunc: wasmConv3dBackpropFilter as unknown as tf.KernelFunc,
};
