import type * as tf from '@tensorflow/tfjs-core';
import { type SequenceHeapBackend, heapFloats } from './wasm-sequence-heap.js';

interface Scratch {
  offset: number;
  floats: number;
}
const scratches = new WeakMap<object, Scratch>();

/**
 * A scratch region of at least `floats` floats (plus 8 ints for matMul shapes at its start),
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
