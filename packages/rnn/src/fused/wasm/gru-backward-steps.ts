import { type BackwardStep, dyRow, maskOf } from './backward-steps.js';
import type { WasmCellPlan } from './wasm-cell-plan.js';

/**
 * GRU, the part from the update: dn, dz and the direct part of dh_{k-1}; with reset after also r's
 * gradient (dR_n = dA_n r). With reset before, dA_n goes to `an` and dA_z to `arz` for the caller's
 * products; r's gradient follows in {@link gruResetBackward}.
 * @example
 * gruBackward(heapFloats(backend), step, plan); // then the U products
 * In plain words: the update gate splits the blame between the old note and the new draft.
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

/**
 * GRU with reset before: from d(r·h) = dA_n U_n^T (at `drh`), r's gradient and r's share of dh_{k-1}.
 * @example
 * gruResetBackward(heapFloats(backend), step, plan, product);
 * In plain words: the reset gate's share of the blame, once the draft's is known.
 */
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
