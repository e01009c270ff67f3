import * as tf from '@tensorflow/tfjs-core';
import { im2colLimits } from './wasm-conv2d-backprop-filter.js';
import { heapFloats, runWasmKernel, wasmHeapBackend, type WasmHeapBackend } from './wasm-heap.js';

/** Name under which the exact 3-D input gradient kernel is registered for wasm. */
export const exactConv3dBackpropInputKernel = 'BaihuaConv3DBackpropInput';

/**
 * Conv3DBackpropInputV2 for tfjs-backend-wasm; stock wasm 4.22's gives wrong values in every case.
 * dx[b, d' s_d + p - front, h' s_h + q - top, w' s_w + t - left, c] += sum_o filter[p, q, t, c, o] dy[b, d', h', w', o]
 * (terms falling outside dx dropped). Computed as one matrix product on the wasm backend's own
 * BatchMatMul, cols = dy [B D' H' W', Cout] times filterᵀ [Cout, kd kh kw Cin], then a col2im
 * scatter-add of cols into dx. Batches whose cols exceed `im2colLimits.maxPatchFloats` are split by image.
 * Inputs as tfjs's (dy, filter); attrs strides, pad, inputShape.
 */
export function wasmConv3dBackpropInput(args: {
  inputs: tf.NamedTensorInfoMap;
  backend: unknown;
  attrs?: tf.NamedAttrMap;
}): tf.TensorInfo {
  const kernel = exactConv3dBackpropInputKernel;
  const backend = wasmHeapBackend(kernel, args.backend);
  const { dy, filter } = args.inputs as { dy: tf.TensorInfo; filter: tf.TensorInfo };
  const { strides, pad, inputShape } = args.attrs as unknown as tf.Conv3DBackpropInputV2Attrs;
  const filterShape = filter.shape as [number, number, number, number, number];
  const info = tf.backend_util.computeConv3DInfo(inputShape, filterShape, strides, 1, pad);
  const patchSize = filterShape[0] * filterShape[1] * filterShape[2] * filterShape[3];
  const { batchSize, outDepth, outHeight, outWidth, outChannels } = info;
  const rowsPerImage = outDepth * outHeight * outWidth;
  const perChunk = Math.floor(im2colLimits.maxPatchFloats / Math.max(1, rowsPerImage * patchSize));
  const imagesPerChunk = Math.max(1, Math.min(batchSize, perChunk));
  const out = backend.makeOutput([...inputShape], 'float32');
  const filterT = backend.makeOutput([outChannels, patchSize], 'float32');
  heapFloats(backend, kernel, out).fill(0);
  const weights = heapFloats(backend, kernel, filter);
  const transposed = heapFloats(backend, kernel, filterT);
  for (let k = 0; k < patchSize; k++) {
    for (let o = 0; o < outChannels; o++) transposed[o * patchSize + k] = weights[k * outChannels + o] as number;
  }
  for (let start = 0; start < batchSize; start += imagesPerChunk) {
    const count = Math.min(imagesPerChunk, batchSize - start);
    const cols = chunkColumns(backend, dy, filterT, info, start, count);
    col2im(heapFloats(backend, kernel, cols), heapFloats(backend, kernel, out), info, start, count);
    backend.disposeData(cols.dataId);
  }
  backend.disposeData(filterT.dataId);
  return out;
}

/** dy filterᵀ for images [start, start + count): a [count D' H' W', kd kh kw Cin] tensor on the heap. */
function chunkColumns(
  backend: WasmHeapBackend,
  dy: tf.TensorInfo,
  filterT: tf.TensorInfo,
  info: tf.backend_util.Conv3DInfo,
  start: number,
  count: number,
): tf.TensorInfo {
  const { outChannels } = info;
  const rows = count * info.outDepth * info.outHeight * info.outWidth;
  const whole = start === 0 && count === info.batchSize;
  const dyRows: tf.TensorInfo = whole
    ? { dataId: dy.dataId, shape: [rows, outChannels], dtype: 'float32' }
    : backend.makeOutput([rows, outChannels], 'float32');
  if (!whole) {
    // Views only now: the allocation above may have grown (and detached) the heap.
    const offset = (start * rows * outChannels) / count;
    const source = heapFloats(backend, exactConv3dBackpropInputKernel, dy);
    heapFloats(backend, exactConv3dBackpropInputKernel, dyRows).set(
      source.subarray(offset, offset + rows * outChannels),
    );
  }
  // filterᵀ is transposed by hand: the wasm BatchMatMul is much slower with a transposed operand (measured).
  const cols = runWasmKernel(tf.BatchMatMul, { a: dyRows, b: filterT }, backend, {
    transposeA: false,
    transposeB: false,
  });
  if (!whole) backend.disposeData(dyRows.dataId);
  return cols;
}

/** Adds each row of `cols` (one output position's kd kh kw Cin contributions) into the voxels it came from. */
function col2im(
  cols: Float32Array,
  dx: Float32Array,
  info: tf.backend_util.Conv3DInfo,
  start: number,
  count: number,
): void {
  const { inDepth, inHeight, inWidth, inChannels, outDepth, outHeight, outWidth } = info;
  const { filterDepth, filterHeight, filterWidth, strideDepth, strideHeight, strideWidth } = info;
  const { front, top, left } = info.padInfo;
  let at = 0;
  for (let b = start; b < start + count; b++) {
    const imageBase = b * inDepth * inHeight * inWidth * inChannels;
    for (let i = 0; i < outDepth; i++) {
      for (let j = 0; j < outHeight; j++) {
        for (let k = 0; k < outWidth; k++) {
          for (let p = 0; p < filterDepth; p++) {
            const z = i * strideDepth + p - front;
            for (let q = 0; q < filterHeight; q++) {
              const r = j * strideHeight + q - top;
              const rowInside = z >= 0 && z < inDepth && r >= 0 && r < inHeight;
              for (let t = 0; t < filterWidth; t++, at += inChannels) {
                const c = k * strideWidth + t - left;
                if (!rowInside || c < 0 || c >= inWidth) continue;
                const base = imageBase + ((z * inHeight + r) * inWidth + c) * inChannels;
                for (let ch = 0; ch < inChannels; ch++) {
                  dx[base + ch] = (dx[base + ch] as number) + (cols[at + ch] as number);
                }
              }
            }
          }
        }
      }
    }
  }
}

/** Registration record: under its own name, since importing tfjs-backend-wasm re-registers the stock kernel. */
export const wasmConv3dBackpropInputConfig: tf.KernelConfig = {
  kernelName: exactConv3dBackpropInputKernel,
  backendName: 'wasm',
  kernelFunc: wasmConv3dBackpropInput as unknown as tf.KernelFunc,
};
