import * as tf from '@tensorflow/tfjs-core';

/** The parts of tfjs-backend-wasm's Emscripten module the fused kernels use (typed structurally). */
interface WasmModuleLike {
  HEAPF32: Float32Array;
  HEAP32: Int32Array;
  wasmMemory?: WebAssembly.Memory;
  _malloc(bytes: number): number;
  _free(pointer: number): void;
  _BatchMatMul(...args: number[]): void;
  _Sigmoid(xId: number, outId: number): void;
  _Add(...args: number[]): void;
  tfjs: { registerTensor(id: number, size: number, offset: number): void; disposeData(id: number): void };
}

/** The parts of tfjs-backend-wasm's BackendWasm the fused kernels use. */
export interface SequenceHeapBackend {
  wasm: WasmModuleLike;
  dataIdMap: { get(dataId: tf.DataId): { id: number; memoryOffset: number } | undefined };
  dataIdNextNumber: number;
  makeOutput(shape: number[], dtype: tf.DataType): tf.TensorInfo;
}

/**
 * The running backend when it is tfjs-backend-wasm with the heap, tensor registry and BatchMatMul
 * export these kernels rely on (checked structurally, so another version fails over to the op-by-op
 * path instead of breaking); undefined otherwise.
 * @example
 * sequenceHeapBackend()?.wasm; // the Emscripten module on wasm, else undefined
 * In plain words: is there a wasm heap here we know how to write on?
 */
export function sequenceHeapBackend(): SequenceHeapBackend | undefined {
  if (tf.getBackend() !== 'wasm') return undefined;
  const backend = tf.backend() as unknown as Partial<SequenceHeapBackend>;
  const wasm = backend.wasm;
  const usable =
    wasm !== undefined &&
    typeof wasm._BatchMatMul === 'function' &&
    typeof wasm._Sigmoid === 'function' &&
    typeof wasm._Add === 'function' &&
    typeof wasm._malloc === 'function' &&
    typeof wasm.tfjs?.registerTensor === 'function' &&
    typeof backend.makeOutput === 'function' &&
    typeof backend.dataIdNextNumber === 'number' &&
    typeof backend.dataIdMap?.get === 'function';
  return usable ? (backend as SequenceHeapBackend) : undefined;
}

/**
 * The heap as float32, taken fresh: memory growth (any allocation, including one inside a wasm
 * kernel) replaces the buffer and detaches older views, so take it again after every such call.
 * @example
 * heapFloats(backend)[floatOffset(backend, t)]; // t's first value
 * In plain words: the desk as it is now, not as it was before it grew.
 */
export function heapFloats(backend: SequenceHeapBackend): Float32Array {
  const wasm = backend.wasm;
  const memory = wasm.wasmMemory?.buffer;
  if (memory !== undefined && memory !== wasm.HEAPF32.buffer) return new Float32Array(memory);
  return wasm.HEAPF32;
}

/**
 * The float index of a wasm tensor's data on the heap.
 * @example
 * const at = floatOffset(backend, hs); // heap[at + i] is hs's i-th value
 * In plain words: where a tensor's numbers start on the desk.
 */
export function floatOffset(backend: SequenceHeapBackend, tensor: tf.Tensor): number {
  const data = backend.dataIdMap.get(tensor.dataId);
  if (data === undefined) throw new Error('runSequence (wasm fused): a tensor is not on the wasm backend');
  return data.memoryOffset >>> 2;
}

/**
 * A new float32 tensor on the wasm heap (contents undefined until written), tracked by the engine.
 * @example
 * const acts = heapTensor(backend, [time, batch, 5, hidden]);
 * In plain words: a fresh sheet, owned by tfjs, for the kernel to fill.
 */
export function heapTensor(backend: SequenceHeapBackend, shape: number[]): tf.Tensor {
  return tf.engine().makeTensorFromTensorInfo(backend.makeOutput(shape, 'float32'));
}
