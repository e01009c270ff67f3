import type * as tf from '@tensorflow/tfjs-core';
import { type ForwardStep, elmanStep, gruCandidateStep, gruResetStep } from './forward-steps.js';
import { gruAfterHeapStep } from './gru-heap-step.js';
import { lstmHeapStep } from './lstm-heap-step.js';
import type { WasmCellPlan } from './wasm-cell-plan.js';
import { heapMatMul, scratchOffset } from './heap-kernels.js';
import { type SequenceHeapBackend, floatOffset, heapFloats, heapTensor } from './wasm-sequence-heap.js';

/** The tensors of a forward run; recurrent weights in keras layout. */
export interface WasmForwardInputs {
  /** x W + b (+ the recurrent bias, except for GRU with reset after) in step order, [T, B, G·H]. */
  projected: tf.Tensor;
  /**
   * [H, G·H]; GRU with reset before: `weight` is [H, 2H] (r, z) and `candidate` [H, H]. The LSTM
   * family's `projected` and `weight` come with the candidate block doubled (doubledCandidate).
   */
  weight: tf.Tensor;
  candidate?: tf.Tensor;
  initH: tf.Tensor;
  initC?: tf.Tensor;
  /** GRU with reset after only: b_hn is added inside r (h U_n + b_hn). */
  recurrentBias?: tf.Tensor;
  peephole?: tf.Tensor;
  /** float32 [B, T]. */
  keep?: tf.Tensor;
}

/** What forward leaves: the packed value [B, T+E, H] and what backward needs. */
export interface WasmForwardResult {
  packed: tf.Tensor;
  /** Hidden states in step order [T+1, B, H] (row 0 the initial state); cs the same for the cell. */
  hs: tf.Tensor;
  cs?: tf.Tensor;
  /** Saved per-step values [T, B, S, H] (activated gates, new cell, GRU's candidate terms). */
  acts: tf.Tensor;
  /** GRU with reset before: r·h_{k-1} per step [T, B, H]. */
  rh?: tf.Tensor;
}

/**
 * The whole forward time loop in one call on the wasm heap: per step one recurrent product h U
 * through the backend's BatchMatMul export (two for GRU with reset before) into a scratch buffer
 * reused across steps and calls, then the gate arithmetic in place, writing states, outputs and
 * the values backward needs into tensors allocated once per call (`keepForBackward: false`: the
 * per-step values go to one step-sized slot, reused; `acts` is then [1, B, S, H]).
 * @example
 * const { packed, hs, acts } = runWasmForward(backend, plan, [batch, time, hidden], inputs, false);
 * In plain words: the relay runs on one desk, without fetching new paper for every hand-over.
 */
export function runWasmForward(
  backend: SequenceHeapBackend,
  plan: WasmCellPlan,
  [B, T, H]: [number, number, number],
  given: WasmForwardInputs,
  reverse: boolean,
  keepForBackward = true,
): WasmForwardResult {
  const E = plan.hasCell ? 2 : 1;
  const packed = heapTensor(backend, [B, T + E, H]);
  const hs = heapTensor(backend, [T + 1, B, H]);
  const cs = plan.hasCell ? heapTensor(backend, [T + 1, B, H]) : undefined;
  const acts = heapTensor(backend, [keepForBackward ? T : 1, B, plan.slots, H]);
  const rh = plan.family === 'gru-before' ? heapTensor(backend, [T, B, H]) : undefined;
  const z = scratchOffset(backend, 6 * B * H);
  const off = (tensor: tf.Tensor | undefined) => (tensor === undefined ? -1 : floatOffset(backend, tensor));
  const s: ForwardStep = {
    B,
    T,
    H,
    S: plan.slots,
    E,
    t: 0,
    k: 0,
    p: off(given.projected),
    z,
    hs: off(hs),
    cs: off(cs),
    acts: off(acts),
    y: off(packed),
    keep: off(given.keep),
    rb: plan.family === 'gru-after' ? off(given.recurrentBias) : -1,
    peep: off(given.peephole),
    rh: off(rh),
  };
  let heap = heapFloats(backend);
  heap.set(heap.subarray(off(given.initH), off(given.initH) + B * H), s.hs);
  if (cs !== undefined && given.initC !== undefined)
    heap.set(heap.subarray(off(given.initC), off(given.initC) + B * H), s.cs);
  const G = plan.gates;
  const actsBase = s.acts;
  for (let k = 0; k < T; k++) {
    s.k = k;
    // Inference: every step's (k B + b) S H offset lands in the one step-sized slot.
    if (!keepForBackward) s.acts = actsBase - k * B * plan.slots * H;
    s.t = reverse ? T - 1 - k : k;
    const previous = s.hs + k * B * H;
    if (plan.family === 'gru-before') {
      heapMatMul(backend, previous, B, H, given.weight, 2 * H, z);
      gruResetStep(heapFloats(backend), s, plan);
      heapMatMul(backend, s.rh + k * B * H, B, H, given.candidate as tf.Tensor, H, z + 2 * B * H);
      gruCandidateStep(heapFloats(backend), s, plan);
      continue;
    }
    heapMatMul(backend, previous, B, H, given.weight, G * H, z);
    if (plan.family === 'elman') elmanStep(backend, s, plan);
    else if (plan.family === 'gru-after') gruAfterHeapStep(backend, s, plan, z + 4 * B * H);
    else lstmHeapStep(backend, s, plan, z + 4 * B * H);
  }
  heap = heapFloats(backend);
  for (let b = 0; b < B; b++) {
    const row = s.y + (b * (T + E) + T) * H;
    heap.copyWithin(row, s.hs + (T * B + b) * H, s.hs + (T * B + b + 1) * H);
    if (cs !== undefined) heap.copyWithin(row + H, s.cs + (T * B + b) * H, s.cs + (T * B + b + 1) * H);
  }
  return { packed, hs, cs, acts, rh };
}
