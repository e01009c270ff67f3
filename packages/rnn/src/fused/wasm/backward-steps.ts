import { tanh } from './forward-steps.js';
import type { WasmCellPlan } from './wasm-cell-plan.js';

/**
 * Where one backward step reads and writes, as float indices into the wasm heap (-1: absent).
 * dv: the packed value's gradient [B, T+E, H]; dP: gradients of x W + b [B, T, G·H] (input time);
 * dR: gradients of h U + b_rec in step order [T, B, G·H]; dh, dc: the carried state gradients
 * [B, H] (scratch); an [B, H] and arz [B, 2H]: GRU reset-before's rows for its two products.
 * hs, cs, acts, keep, peep: as the forward step. peepGrad accumulates the diagonal peepholes [3·H].
 */
export interface BackwardStep {
  B: number;
  T: number;
  H: number;
  S: number;
  E: number;
  t: number;
  k: number;
  dv: number;
  dP: number;
  dR: number;
  dh: number;
  dc: number;
  an: number;
  arz: number;
  hs: number;
  cs: number;
  acts: number;
  keep: number;
  peep: number;
  peepGrad: Float64Array;
}

/**
 * The mask of (b, t): 1 where the step is real (also without a mask), 0 where it is padding.
 * @example
 * maskOf(heap, step, 0); // 1 when (b 0, t) is a real step
 * In plain words: is this runner's step real or padding?
 */
export const maskOf = (heap: Float32Array, s: BackwardStep, b: number) =>
  s.keep < 0 ? 1 : (heap[s.keep + b * s.T + s.t] as number);

/**
 * The float index of the output's gradient dL/dy at (b, t, 0) in the packed value's gradient.
 * @example
 * const dy = dyRow(step, b); // heap[dy + j] is dL/dy at (b, t, j)
 * In plain words: where the blame for this output arrives.
 */
export const dyRow = (s: BackwardStep, b: number) => s.dv + (b * (s.T + s.E) + s.t) * s.H;

/**
 * LSTM, diagonal peephole and coupled LSTM: the gate gradients of step k from the carried dh, dc
 * and the output's gradient; leaves the direct parts of dh_{k-1}, dc_{k-1} in dh, dc (the caller
 * adds dR_k U^T to dh).
 * @example
 * lstmFamilyBackward(heapFloats(backend), step, plan); // then dh += dR_k U^T
 * In plain words: the archive and the worktable send their share of the blame back one step.
 */
export function lstmFamilyBackward(heap: Float32Array, s: BackwardStep, plan: WasmCellPlan): void {
  const { B, T, H, S, t, k } = s;
  const G = plan.gates;
  const GH = G * H;
  const peephole = plan.family === 'peephole';
  const coupled = plan.family === 'coupled';
  for (let b = 0; b < B; b++) {
    const aRow = s.acts + (k * B + b) * S * H;
    const cRow = s.cs + (k * B + b) * H;
    const rRow = s.dR + (k * B + b) * GH;
    const pRow = s.dP < 0 ? rRow : s.dP + (b * T + t) * GH;
    const m = maskOf(heap, s, b);
    const dy = dyRow(s, b);
    for (let j = 0; j < H; j++) {
      const dhs = heap[s.dh + b * H + j] as number;
      const dhn = m * (dhs + (heap[dy + j] as number));
      const dcs = heap[s.dc + b * H + j] as number;
      const cp = heap[cRow + j] as number;
      const c = heap[aRow + (G === 3 ? 3 : 4) * H + j] as number;
      const o = heap[aRow + (G === 3 ? 2 : 3) * H + j] as number;
      const tc = tanh(c);
      const dAo = dhn * tc * o * (1 - o);
      let dct = m * dcs + dhn * o * (1 - tc * tc);
      let dcp: number;
      if (coupled) {
        const f = heap[aRow + j] as number;
        const g = heap[aRow + H + j] as number;
        const dAf = dct * (cp - g) * f * (1 - f);
        const dAg = dct * (1 - f) * (1 - g * g);
        dcp = dct * f;
        heap[pRow + j] = heap[rRow + j] = dAf;
        heap[pRow + H + j] = heap[rRow + H + j] = dAg;
        heap[pRow + 2 * H + j] = heap[rRow + 2 * H + j] = dAo;
      } else {
        const i = heap[aRow + j] as number;
        const f = heap[aRow + H + j] as number;
        const g = heap[aRow + 2 * H + j] as number;
        if (peephole) dct += dAo * (heap[s.peep + 2 * H + j] as number);
        const dAi = dct * g * i * (1 - i);
        const dAf = dct * cp * f * (1 - f);
        const dAg = dct * i * (1 - g * g);
        dcp = dct * f;
        if (peephole) {
          dcp += dAi * (heap[s.peep + j] as number) + dAf * (heap[s.peep + H + j] as number);
          s.peepGrad[j] = (s.peepGrad[j] as number) + dAi * cp;
          s.peepGrad[H + j] = (s.peepGrad[H + j] as number) + dAf * cp;
          s.peepGrad[2 * H + j] = (s.peepGrad[2 * H + j] as number) + dAo * c;
        }
        heap[pRow + j] = heap[rRow + j] = dAi;
        heap[pRow + H + j] = heap[rRow + H + j] = dAf;
        heap[pRow + 2 * H + j] = heap[rRow + 2 * H + j] = dAg;
        heap[pRow + 3 * H + j] = heap[rRow + 3 * H + j] = dAo;
      }
      heap[s.dh + b * H + j] = (1 - m) * dhs;
      heap[s.dc + b * H + j] = dcp + (1 - m) * dcs;
    }
  }
}

/**
 * Elman: dA = dh_new · (1 - h²) (tanh) or · [h > 0] (relu).
 * @example
 * elmanBackward(heapFloats(backend), step, plan);
 * In plain words: the blame passes back through one squashing curve.
 */
export function elmanBackward(heap: Float32Array, s: BackwardStep, plan: WasmCellPlan): void {
  const { B, T, H, t, k } = s;
  const relu = plan.activation === 'relu';
  for (let b = 0; b < B; b++) {
    const aRow = s.acts + (k * B + b) * H;
    const rRow = s.dR + (k * B + b) * H;
    const pRow = s.dP < 0 ? rRow : s.dP + (b * T + t) * H;
    const m = maskOf(heap, s, b);
    const dy = dyRow(s, b);
    for (let j = 0; j < H; j++) {
      const dhs = heap[s.dh + b * H + j] as number;
      const dhn = m * (dhs + (heap[dy + j] as number));
      const h = heap[aRow + j] as number;
      heap[pRow + j] = heap[rRow + j] = relu ? (h > 0 ? dhn : 0) : dhn * (1 - h * h);
      heap[s.dh + b * H + j] = (1 - m) * dhs;
    }
  }
}
