import type { WasmCellPlan } from './wasm-cell-plan.js';
import { heapSigmoid } from './heap-kernels.js';
import { type SequenceHeapBackend, heapFloats } from './wasm-sequence-heap.js';

/**
 * Where one forward step reads and writes, as float indices into the wasm heap (-1: absent).
 * p: x W + b for all steps in step order [T, B, G·H] (LSTM family: the g block doubled); z: this
 * step's h U [B, G·H] (GRU reset-before: [B, 2H] then r·h U_n [B, H]); hs/cs: states in step
 * order [T+1, B, H]; acts: saved values [T, B, S, H]; y: the packed value [B, T+E, H]; keep: the
 * mask [B, T]; rh: GRU reset-before's r·h [T, B, H].
 */
export interface ForwardStep {
  B: number;
  T: number;
  H: number;
  S: number;
  E: number;
  t: number;
  k: number;
  p: number;
  z: number;
  hs: number;
  cs: number;
  acts: number;
  y: number;
  keep: number;
  rb: number;
  peep: number;
  rh: number;
}

/**
 * σ(a) = 1 / (1 + e^-a).
 * @example
 * sigmoid(0); // 0.5
 * In plain words: how far a gate opens.
 */
export const sigmoid = (a: number) => 1 / (1 + Math.exp(-a));
/**
 * tanh(a) = 1 - 2 / (e^2a + 1) (one exp, in double precision; V8's Math.tanh is slower).
 * @example
 * tanh(0.5); // 0.4621...
 * In plain words: a soft clamp to [-1, 1].
 */
export const tanh = (a: number) => (a > 20 ? 1 : 1 - 2 / (Math.exp(2 * a) + 1));

/** Writes the new state (blended with the old by the mask) and the output. */
function commit(heap: Float32Array, s: ForwardStep, b: number, j: number, h: number, c: number): void {
  const { B, T, H, E, t, k } = s;
  const at = b * H + j;
  const m = s.keep < 0 ? 1 : (heap[s.keep + b * T + t] as number);
  const hp = heap[s.hs + k * B * H + at] as number;
  heap[s.hs + (k + 1) * B * H + at] = m === 1 ? h : m * h + (1 - m) * hp;
  if (s.cs >= 0) {
    const cp = heap[s.cs + k * B * H + at] as number;
    heap[s.cs + (k + 1) * B * H + at] = m === 1 ? c : m * c + (1 - m) * cp;
  }
  heap[s.y + (b * (T + E) + t) * H + j] = m === 1 ? h : m * h;
}

/**
 * Elman: h = tanh(p + z) (as 2 σ(2a) - 1 on the backend's vectorised Sigmoid) or relu(p + z); saves h.
 * @example
 * elmanStep(backend, step, plan); // after z = h_{k-1} U
 * In plain words: one squash of input plus memory.
 */
export function elmanStep(backend: SequenceHeapBackend, s: ForwardStep, plan: WasmCellPlan): void {
  const { B, H, t, k } = s;
  const relu = plan.activation === 'relu';
  let heap = heapFloats(backend);
  for (let b = 0; b < B; b++) {
    const pRow = s.p + (t * B + b) * H;
    const zRow = s.z + b * H;
    for (let j = 0; j < H; j++) {
      const a = (heap[pRow + j] as number) + (heap[zRow + j] as number);
      heap[zRow + j] = relu ? Math.max(a, 0) : 2 * a;
    }
  }
  if (!relu) heapSigmoid(backend, s.z, B * H);
  heap = heapFloats(backend);
  for (let b = 0; b < B; b++) {
    const zRow = s.z + b * H;
    const aRow = s.acts + (k * B + b) * H;
    for (let j = 0; j < H; j++) {
      const h = relu ? (heap[zRow + j] as number) : 2 * (heap[zRow + j] as number) - 1;
      heap[aRow + j] = h;
      commit(heap, s, b, j, h, 0);
    }
  }
}

/**
 * The GRU update: 'new' h = h + z (n - h), 'previous' h = n + z (h - n).
 * @example
 * gruUpdate(plan, 0.25, 1, 0); // 'new': 0.25
 * In plain words: how much of the page gets rewritten.
 */
export const gruUpdate = (plan: WasmCellPlan, z: number, n: number, hp: number) =>
  plan.updateForm === 'new' ? hp + z * (n - hp) : n + z * (hp - n);

/**
 * GRU with reset before, first half: r and z from p + z_rz [B, 2H]; writes r·h for the U_n product.
 * @example
 * gruResetStep(heapFloats(backend), step, plan); // then (r h) U_n
 * In plain words: decide what of the old note the draft may read.
 */
export function gruResetStep(heap: Float32Array, s: ForwardStep, plan: WasmCellPlan): void {
  const { B, H, S, t, k } = s;
  const [rB, uB] = [plan.resetBlock * H, plan.updateBlock * H];
  for (let b = 0; b < B; b++) {
    const pRow = s.p + (t * B + b) * 3 * H;
    const zRow = s.z + b * 2 * H;
    const aRow = s.acts + (k * B + b) * S * H;
    const hRow = s.hs + (k * B + b) * H;
    const rhRow = s.rh + (k * B + b) * H;
    for (let j = 0; j < H; j++) {
      const r = sigmoid((heap[pRow + rB + j] as number) + (heap[zRow + rB + j] as number));
      heap[aRow + j] = r;
      heap[aRow + H + j] = sigmoid((heap[pRow + uB + j] as number) + (heap[zRow + uB + j] as number));
      heap[rhRow + j] = r * (heap[hRow + j] as number);
    }
  }
}

/**
 * GRU with reset before, second half: n = tanh(p_n + (r·h) U_n), read at z + 2·B·H; saves n.
 * @example
 * gruCandidateStep(heapFloats(backend), step, plan);
 * In plain words: write the draft and mix it into the note.
 */
export function gruCandidateStep(heap: Float32Array, s: ForwardStep, plan: WasmCellPlan): void {
  const { B, H, S, t, k } = s;
  const zn = s.z + 2 * B * H;
  for (let b = 0; b < B; b++) {
    const pRow = s.p + (t * B + b) * 3 * H;
    const aRow = s.acts + (k * B + b) * S * H;
    const hRow = s.hs + (k * B + b) * H;
    for (let j = 0; j < H; j++) {
      const n = tanh((heap[pRow + 2 * H + j] as number) + (heap[zn + b * H + j] as number));
      heap[aRow + 2 * H + j] = n;
      const z = heap[aRow + H + j] as number;
      commit(heap, s, b, j, gruUpdate(plan, z, n, heap[hRow + j] as number), 0);
    }
  }
}
