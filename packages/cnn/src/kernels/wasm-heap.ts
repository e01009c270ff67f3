import * as tf from '@tensorflow/tfjs-core';

/** The part of tfjs-backend-wasm's BackendWasm that this package's kernels use (typed structurally). */
export interface WasmHeapBackend {
  makeOutput(shape: number[], dtype: tf.DataType): tf.TensorInfo;
  typedArrayFromHeap(info: tf.TensorInfo): Float32Array | Int32Array | Uint8Array;
  disposeData(dataId: tf.DataId, force?: boolean): boolean;
}

/** Checks that `backend` is a wasm backend whose heap we can read, naming the kernel otherwise. */
export function wasmHeapBackend(kernelName: string, backend: unknown): WasmHeapBackend {
  const candidate = backend as Partial<WasmHeapBackend> | null;
  if (
    candidate === null ||
    typeof candidate.makeOutput !== 'function' ||
    typeof candidate.typedArrayFromHeap !== 'function'
  ) {
    throw new Error(
      `${kernelName} (baihua wasm kernel): the backend is not tfjs-backend-wasm (no makeOutput/typedArrayFromHeap)`,
    );
  }
  return candidate as WasmHeapBackend;
}

/**
 * A float32 view of a tensor on the wasm heap. Views die when the heap grows: take them after
 * every allocation (makeOutput, other kernels) of the kernel, never before.
 */
export function heapFloats(backend: WasmHeapBackend, kernelName: string, info: tf.TensorInfo): Float32Array {
  if (info.dtype !== 'float32')
    throw new Error(`${kernelName} (baihua wasm kernel): expected float32 tensors, got ${info.dtype}`);
  return backend.typedArrayFromHeap(info) as Float32Array;
}

/** Runs another kernel registered for wasm (e.g. its BatchMatMul) from inside a kernel. */
export function runWasmKernel(
  kernelName: string,
  inputs: tf.NamedTensorInfoMap,
  backend: WasmHeapBackend,
  attrs: tf.NamedAttrMap,
): tf.TensorInfo {
  const config = tf.getKernel(kernelName, 'wasm');
  if (config === undefined) throw new Error(`baihua wasm kernels: the wasm backend has no ${kernelName} kernel`);
  return config.kernelFunc({ inputs, backend: backend as unknown as object, attrs }) as tf.TensorInfo;
}
