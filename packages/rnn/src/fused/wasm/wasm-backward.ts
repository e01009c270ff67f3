import type * as tf from '@tensorflow/tfjs-core';
import { type BackwardStep, elmanBackward, lstmFamilyBackward } from './backward-steps.js';
import { gruBackward, gruResetBackward } from './gru-backward-steps.js';
import type { WasmCellPlan } from './wasm-cell-plan.js';
import type { WasmForwardResult } from './wasm-forward.js';
import { heapMatMul, scratchOffset } from './heap-kernels.js';
import { type SequenceHeapBackend, floatOffset, heapFloats, heapTensor } from './wasm-sequence-heap.js';

/** The tensors of a backward run; transposed recurrent weights (torch layout). */
export interface WasmBackwardInputs {
  /** The packed value's gradient [B, T+E, H]. */
  dv: tf.Tensor;
  saved: WasmForwardResult;
  /** U^T [G·H, H]; GRU with reset before: [2H, H] for r, z and `candidateT` U_n^T [H, H]. */
  weightT: tf.Tensor;
  candidateT?: tf.Tensor;
  peephole?: tf.Tensor;
  keep?: tf.Tensor;
}

/** Gradients of the pre-activations and of the initial state. */
export interface WasmBackwardResult {
  /** Of x W + b, [B, T, G·H] (input time); GRU only: for the other cells it equals dR (step order). */
  dP?: tf.Tensor;
  /** Of h U + b_rec, [T, B, G·H] (step order; GRU with reset before: the n block is of (r·h) U_n). */
  dR: tf.Tensor;
  initH: tf.Tensor;
  initC?: tf.Tensor;
  /** The diagonal peepholes' gradient [3, H] values (rows i, f, o). */
  peephole?: Float64Array;
}

/**
 * Backpropagation through time as one call on the wasm heap: for k = T-1 .. 0 the gate arithmetic
 * of step k backwards in place, then dh_{k-1} += dR_k U^T through the backend's BatchMatMul export
 * (two products for GRU with reset before). Carried gradients live in a scratch buffer reused
 * across steps and calls; dR (and GRU's dP) are allocated once per call for the weight gradients.
 * @example
 * const { dP, dR, initH } = runWasmBackward(backend, plan, [batch, time, hidden], inputs, false);
 * In plain words: walk the relay backwards once, handing each runner its share of the blame.
 */
export function runWasmBackward(
  backend: SequenceHeapBackend,
  plan: WasmCellPlan,
  [B, T, H]: [number, number, number],
  given: WasmBackwardInputs,
  reverse: boolean,
): WasmBackwardResult {
  const E = plan.hasCell ? 2 : 1;
  const GH = plan.gates * H;
  // GRU's dR differs from dP (r scales the candidate's h U); the other cells share one step-major buffer.
  const dP = plan.family.startsWith('gru') ? heapTensor(backend, [B, T, GH]) : undefined;
  const dR = heapTensor(backend, [T, B, GH]);
  const initH = heapTensor(backend, [B, H]);
  const initC = plan.hasCell ? heapTensor(backend, [B, H]) : undefined;
  const scratch = scratchOffset(backend, 6 * B * H);
  const off = (tensor: tf.Tensor | undefined) => (tensor === undefined ? -1 : floatOffset(backend, tensor));
  const s: BackwardStep = {
    B,
    T,
    H,
    S: plan.slots,
    E,
    t: 0,
    k: 0,
    dv: off(given.dv),
    dP: off(dP),
    dR: off(dR),
    dh: scratch,
    dc: scratch + B * H,
    an: scratch + 2 * B * H,
    arz: scratch + 3 * B * H,
    hs: off(given.saved.hs),
    cs: off(given.saved.cs),
    acts: off(given.saved.acts),
    keep: off(given.keep),
    peep: off(given.peephole),
    peepGrad: new Float64Array(plan.family === 'peephole' ? 3 * H : 0),
  };
  const product = scratch + 5 * B * H;
  let heap = heapFloats(backend);
  for (let b = 0; b < B; b++) {
    const row = s.dv + (b * (T + E) + T) * H;
    heap.copyWithin(s.dh + b * H, row, row + H);
    if (plan.hasCell) heap.copyWithin(s.dc + b * H, row + H, row + 2 * H);
  }
  const addProduct = () => {
    heap = heapFloats(backend);
    for (let i = 0; i < B * H; i++) heap[s.dh + i] = (heap[s.dh + i] as number) + (heap[product + i] as number);
  };
  for (let k = T - 1; k >= 0; k--) {
    s.k = k;
    s.t = reverse ? T - 1 - k : k;
    heap = heapFloats(backend);
    if (plan.family === 'gru-before') {
      gruBackward(heap, s, plan);
      heapMatMul(backend, s.an, B, H, given.candidateT as tf.Tensor, H, product);
      gruResetBackward(heapFloats(backend), s, plan, product);
      heapMatMul(backend, s.arz, B, 2 * H, given.weightT, H, product);
      addProduct();
      continue;
    }
    if (plan.family === 'elman') elmanBackward(heap, s, plan);
    else if (plan.family === 'gru-after') gruBackward(heap, s, plan);
    else lstmFamilyBackward(heap, s, plan);
    heapMatMul(backend, s.dR + k * B * GH, B, GH, given.weightT, H, product);
    addProduct();
  }
  heap = heapFloats(backend);
  heap.copyWithin(off(initH), s.dh, s.dh + B * H);
  if (initC !== undefined) heap.copyWithin(off(initC), s.dc, s.dc + B * H);
  return { dP, dR, initH, initC, peephole: plan.family === 'peephole' ? s.peepGrad : undefined };
}
