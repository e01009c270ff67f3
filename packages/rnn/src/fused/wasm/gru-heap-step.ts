import { type ForwardStep, gruUpdate } from './forward-steps.js';
import type { WasmCellPlan } from './wasm-cell-plan.js';
import { heapSigmoid } from './heap-kernels.js';
import { type SequenceHeapBackend, heapFloats } from './wasm-sequence-heap.js';

/**
 * One GRU step with reset after (r, z, n; sigmoid gates) with the transcendental work on the
 * backend's vectorised Sigmoid: z_n + b_hn is saved first, then r and z's pre-activations
 * p + h U + b_rec in place on z and σ over the whole [B, 3H] block; n = tanh(p_n + r (z_n + b_hn))
 * as 2 σ(2·) - 1 over `side` (B·H floats); h = h + z (n - h) or n + z (h - n), blended by the mask.
 * Saves r, z, n and z_n + b_hn as the JS step does. z must hold h_{k-1} U for the step.
 * @example
 * gruAfterHeapStep(backend, step, plan, scratch + 4 * batch * hidden);
 * In plain words: the GRU's gates with the heavy curves drawn by the backend's fast pen.
 */
export function gruAfterHeapStep(backend: SequenceHeapBackend, s: ForwardStep, plan: WasmCellPlan, side: number): void {
  const { B, T, H, S, E, t, k } = s;
  const [rB, uB, G] = [plan.resetBlock * H, plan.updateBlock * H, 3 * H];
  let heap = heapFloats(backend);
  const bias = (at: number) => (s.rb < 0 ? 0 : (heap[s.rb + at] as number));
  for (let b = 0; b < B; b++) {
    const p = s.p + (t * B + b) * G;
    const z = s.z + b * G;
    const a = s.acts + (k * B + b) * S * H;
    for (let j = 0; j < H; j++) heap[a + 3 * H + j] = (heap[z + 2 * H + j] as number) + bias(2 * H + j);
    for (let q = 0; q < 2 * H; q++) heap[z + q] = (heap[p + q] as number) + (heap[z + q] as number) + bias(q);
  }
  heapSigmoid(backend, s.z, B * G);
  heap = heapFloats(backend);
  for (let b = 0; b < B; b++) {
    const p = s.p + (t * B + b) * G;
    const z = s.z + b * G;
    const a = s.acts + (k * B + b) * S * H;
    for (let j = 0; j < H; j++) {
      const r = heap[z + rB + j] as number;
      heap[a + j] = r;
      heap[a + H + j] = heap[z + uB + j] as number;
      heap[side + b * H + j] = 2 * ((heap[p + 2 * H + j] as number) + r * (heap[a + 3 * H + j] as number));
    }
  }
  heapSigmoid(backend, side, B * H);
  heap = heapFloats(backend);
  for (let b = 0; b < B; b++) {
    const m = s.keep < 0 ? 1 : (heap[s.keep + b * T + t] as number);
    const a = s.acts + (k * B + b) * S * H;
    const hp = s.hs + (k * B + b) * H;
    const hn = hp + B * H;
    const y = s.y + (b * (T + E) + t) * H;
    for (let j = 0; j < H; j++) {
      const n = 2 * (heap[side + b * H + j] as number) - 1;
      heap[a + 2 * H + j] = n;
      const previous = heap[hp + j] as number;
      const h = gruUpdate(plan, heap[a + H + j] as number, n, previous);
      heap[hn + j] = m === 1 ? h : m * h + (1 - m) * previous;
      heap[y + j] = m === 1 ? h : m * h;
    }
  }
}
