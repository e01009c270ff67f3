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
 */
export function heapFloats(backend: SequenceHeapBackend): Float32Array {
  const wasm = backend.wasm;
  const memory = wasm.wasmMemory?.buffer;
  if (memory !== undefined && memory !== wasm.HEAPF32.buffer) return new Float32Array(memory);
  return wasm.HEAPF32;
}

/** The float index of a wasm tensor's data on the heap. */
export function floatOffset(backend: SequenceHeapBackend, tensor: tf.Tensor): number {
  const data = backend.dataIdMap.get(tensor.dataId);
  if (data === undefined) throw new Error('runSequence (wasm fused): a tensor is not on the wasm backend');
  return data.memoryOffset >>> 2;
}

/** A new float32 tensor on the wasm heap (contents undefined until written), tracked by the engine. */
export function heapTensor(backend: SequenceHeapBackend, shape: number[]): tf.Tensor {
  return tf.engine().makeTensorFromTensorInfo(backend.makeOutput(shape, 'float32'));
}

interface Scratch {
  offset: number;
  floats: number;
}
const scratches = new WeakMap<object, Scratch>();

/**
 * A scratch region of at least `floats` floats (plus 8 ints for matMul shapes at its start),
 * kept per wasm module and reused across steps and calls; it only grows. Returns its float index.
 */
export function scratchOffset(backend: SequenceHeapBackend, floats: number): number {
  const wasm = backend.wasm;
  let scratch = scratches.get(wasm);
  if (scratch === undefined || scratch.floats < floats) {
    if (scratch !== undefined) wasm._free(scratch.offset * 4);
    const size = Math.max(floats, (scratch?.floats ?? 0) * 2);
    scratch = { offset: (wasm._malloc((size + 8) * 4) >>> 0) >>> 2, floats: size };
    scratches.set(wasm, scratch);
  }
  return scratch.offset + 8;
}

/**
 * out[rows, cols] = A[rows, inner] B[inner, cols] through the backend's own BatchMatMul export
 * (XNNPACK, B's packed form cached on B's tensor id), where A and out are regions of the heap
 * given as float indices and B is a wasm tensor. The temporary ids are released before returning.
 * Call only after {@link scratchOffset} (its first 8 ints hold the shapes).
 */
export function heapMatMul(
  backend: SequenceHeapBackend,
  a: number,
  rows: number,
  inner: number,
  b: tf.Tensor,
  cols: number,
  out: number,
): void {
  const wasm = backend.wasm;
  const bId = backend.dataIdMap.get(b.dataId)?.id;
  const scratch = scratches.get(wasm);
  if (bId === undefined || scratch === undefined) throw new Error('runSequence (wasm fused): no heap scratch');
  const shapes = scratch.offset;
  const ints =
    wasm.HEAP32.buffer === heapFloats(backend).buffer ? wasm.HEAP32 : new Int32Array(heapFloats(backend).buffer);
  ints.set([1, rows, inner, 1, inner, cols], shapes);
  const aId = backend.dataIdNextNumber++;
  const outId = backend.dataIdNextNumber++;
  wasm.tfjs.registerTensor(aId, rows * inner, a * 4);
  wasm.tfjs.registerTensor(outId, rows * cols, out * 4);
  try {
    wasm._BatchMatMul(aId, shapes * 4, 3, bId, (shapes + 3) * 4, 3, 0, 0, outId);
  } finally {
    wasm.tfjs.disposeData(aId);
    wasm.tfjs.disposeData(outId);
  }
}

/**
 * σ in place over `size` floats at float index `at`, through the backend's Sigmoid export
 * (XNNPACK's vectorised sigmoid); tanh follows as 2 σ(2x) - 1. The temporary id is released.
 */
export function heapSigmoid(backend: SequenceHeapBackend, at: number, size: number): void {
  const wasm = backend.wasm;
  const id = backend.dataIdNextNumber++;
  wasm.tfjs.registerTensor(id, size, at * 4);
  try {
    wasm._Sigmoid(id, id);
  } finally {
    wasm.tfjs.disposeData(id);
  }
}
