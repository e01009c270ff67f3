import type * as tf from '@tensorflow/tfjs-core';
import { type SequenceHeapBackend, heapFloats } from './wasm-sequence-heap.js';

/** tfjs-backend-wasm's code for float32 (its CppDType). */
const float32 = 0;

/** The heap as int32, taken fresh like {@link heapFloats}. */
const heapInts = (backend: SequenceHeapBackend) => {
  const floats = heapFloats(backend);
  return backend.wasm.HEAP32.buffer === floats.buffer ? backend.wasm.HEAP32 : new Int32Array(floats.buffer);
};

interface Scratch {
  offset: number;
  floats: number;
}
const scratches = new WeakMap<object, Scratch>();

/**
 * A scratch region of at least `floats` floats (plus 8 ints at its start: matMul shapes in 0-5, add shape in 6),
 * kept per wasm module and reused across steps and calls; it only grows. Returns its float index.
 * @example
 * const z = scratchOffset(backend, 6 * batch * hidden);
 * In plain words: the same scrap paper, every step and every call.
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
 * @example
 * heapMatMul(backend, previous, batch, hidden, recurrentKernel, 4 * hidden, z); // z = h U
 * In plain words: one recurrent product, on the backend's own fast multiplier.
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
  heapInts(backend).set([1, rows, inner, 1, inner, cols], shapes);
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
 * into[i] += from[i] for `size` floats (float indices into the heap), through the backend's Add
 * export (XNNPACK's vectorised add, in place). Call only after {@link scratchOffset}.
 * @example
 * heapAdd(backend, z, projectedStep, batch * 4 * hidden); // a = h U + x W + b for a whole step
 * In plain words: add two pages column by column in one stroke.
 */
export function heapAdd(backend: SequenceHeapBackend, into: number, from: number, size: number): void {
  const wasm = backend.wasm;
  const scratch = scratches.get(wasm);
  if (scratch === undefined) throw new Error('runSequence (wasm fused): no heap scratch');
  const shape = scratch.offset + 6;
  heapInts(backend).set([size], shape);
  const intoId = backend.dataIdNextNumber++;
  const fromId = backend.dataIdNextNumber++;
  wasm.tfjs.registerTensor(intoId, size, into * 4);
  wasm.tfjs.registerTensor(fromId, size, from * 4);
  try {
    wasm._Add(intoId, shape * 4, 1, fromId, shape * 4, 1, float32, intoId);
  } finally {
    wasm.tfjs.disposeData(intoId);
    wasm.tfjs.disposeData(fromId);
  }
}

/**
 * σ in place over `size` floats at float index `at`, through the backend's Sigmoid export
 * (XNNPACK's vectorised sigmoid); tanh follows as 2 σ(2x) - 1. The temporary id is released.
 * @example
 * heapSigmoid(backend, z, batch * 4 * hidden); // every gate at once
 * In plain words: all the gates' curves in one stroke.
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
