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

/** The mask of (b, t) and the row of the output's gradient for step (b, t). */
const maskOf = (heap: Float32Array, s: BackwardStep, b: number) =>
  s.keep < 0 ? 1 : (heap[s.keep + b * s.T + s.t] as number);
const dyRow = (s: BackwardStep, b: number) => s.dv + (b * (s.T + s.E) + s.t) * s.H;

/**
 * LSTM, diagonal peephole and coupled LSTM: the gate gradients of step k from the carried dh, dc
 * and the output's gradient; leaves the direct parts of dh_{k-1}, dc_{k-1} in dh, dc (the caller
 * adds dR_k U^T to dh).
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
    const pRow = s.dP + (b * T + t) * GH;
    const rRow = s.dR + (k * B + b) * GH;
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

/** Elman: dA = dh_new · (1 - h²) (tanh) or · [h > 0] (relu). */
export function elmanBackward(heap: Float32Array, s: BackwardStep, plan: WasmCellPlan): void {
  const { B, T, H, t, k } = s;
  const relu = plan.activation === 'relu';
  for (let b = 0; b < B; b++) {
    const aRow = s.acts + (k * B + b) * H;
    const pRow = s.dP + (b * T + t) * H;
    const rRow = s.dR + (k * B + b) * H;
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

/**
 * GRU, the part from the update: dn, dz and the direct part of dh_{k-1}; with reset after also r's
 * gradient (dR_n = dA_n r). With reset before, dA_n goes to `an` and dA_z to `arz` for the caller's
 * products; r's gradient follows in {@link gruResetBackward}.
 */
export function gruBackward(heap: Float32Array, s: BackwardStep, plan: WasmCellPlan): void {
  const { B, T, H, S, t, k } = s;
  const [rB, uB] = [plan.resetBlock * H, plan.updateBlock * H];
  const after = plan.family === 'gru-after';
  const fresh = plan.updateForm === 'new';
  for (let b = 0; b < B; b++) {
    const aRow = s.acts + (k * B + b) * S * H;
    const hRow = s.hs + (k * B + b) * H;
    const pRow = s.dP + (b * T + t) * 3 * H;
    const rRow = s.dR + (k * B + b) * 3 * H;
    const m = maskOf(heap, s, b);
    const dy = dyRow(s, b);
    for (let j = 0; j < H; j++) {
      const dhs = heap[s.dh + b * H + j] as number;
      const dhn = m * (dhs + (heap[dy + j] as number));
      const r = heap[aRow + j] as number;
      const z = heap[aRow + H + j] as number;
      const n = heap[aRow + 2 * H + j] as number;
      const hp = heap[hRow + j] as number;
      const dn = fresh ? dhn * z : dhn * (1 - z);
      const dz = fresh ? dhn * (n - hp) : dhn * (hp - n);
      const dAn = dn * (1 - n * n);
      const dAz = dz * z * (1 - z);
      heap[pRow + uB + j] = heap[rRow + uB + j] = dAz;
      heap[pRow + 2 * H + j] = dAn;
      heap[s.dh + b * H + j] = (1 - m) * dhs + dhn * (fresh ? 1 - z : z);
      if (after) {
        const dAr = dAn * (heap[aRow + 3 * H + j] as number) * r * (1 - r);
        heap[pRow + rB + j] = heap[rRow + rB + j] = dAr;
        heap[rRow + 2 * H + j] = dAn * r;
      } else {
        heap[rRow + 2 * H + j] = dAn;
        heap[s.an + b * H + j] = dAn;
        heap[s.arz + b * 2 * H + uB + j] = dAz;
      }
    }
  }
}

/** GRU with reset before: from d(r·h) = dA_n U_n^T (at `drh`), r's gradient and r's share of dh_{k-1}. */
export function gruResetBackward(heap: Float32Array, s: BackwardStep, plan: WasmCellPlan, drh: number): void {
  const { B, T, H, S, t, k } = s;
  const rB = plan.resetBlock * H;
  for (let b = 0; b < B; b++) {
    const aRow = s.acts + (k * B + b) * S * H;
    const hRow = s.hs + (k * B + b) * H;
    const pRow = s.dP + (b * T + t) * 3 * H;
    const rRow = s.dR + (k * B + b) * 3 * H;
    for (let j = 0; j < H; j++) {
      const r = heap[aRow + j] as number;
      const d = heap[drh + b * H + j] as number;
      const dAr = d * (heap[hRow + j] as number) * r * (1 - r);
      heap[s.dh + b * H + j] = (heap[s.dh + b * H + j] as number) + d * r;
      heap[pRow + rB + j] = heap[rRow + rB + j] = dAr;
      heap[s.arz + b * 2 * H + rB + j] = dAr;
    }
  }
}
