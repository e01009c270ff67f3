import type { ForwardStep } from './forward-steps.js';
import type { WasmCellPlan } from './wasm-cell-plan.js';
import { heapAdd, heapSigmoid } from './heap-kernels.js';
import { type SequenceHeapBackend, heapFloats } from './wasm-sequence-heap.js';

/**
 * One step of the LSTM family (LSTM i f g o, diagonal peephole, coupled f g o; sigmoid gates)
 * with the elementwise work on the backend's vectorised Add and Sigmoid: a = p + h U in place on z
 * (p and U come with the g block doubled, see doubledCandidate; the peepholes' p_i C, p_f C added
 * in JS), σ over all gates at once (g = 2 σ(2a) - 1 = tanh a), then C = f C_prev + i g (coupled:
 * g + f (C_prev - g)) with 2C written to `side`, σ over it (and over the peephole o's a_o + p_o C
 * beside it), h = o (2 σ(2C) - 1), blended by the mask.
 * Saves what the JS step saves. `side` is scratch of 2·B·H floats; z must hold h_{k-1} U.
 * @example
 * lstmHeapStep(backend, step, plan, scratch + 4 * batch * hidden);
 * In plain words: the gate arithmetic with the heavy curves drawn by the backend's fast pen.
 */
export function lstmHeapStep(backend: SequenceHeapBackend, s: ForwardStep, plan: WasmCellPlan, side: number): void {
  const { B, T, H, S, E, t, k } = s;
  const G = plan.gates * H;
  const coupled = plan.family === 'coupled';
  const peephole = plan.family === 'peephole';
  const [gAt, oAt, cAt] = coupled ? [H, 2 * H, 3 * H] : [2 * H, 3 * H, 4 * H];
  const oSide = side + B * H;
  heapAdd(backend, s.z, s.p + t * B * G, B * G);
  let heap = heapFloats(backend);
  if (peephole) {
    for (let b = 0; b < B; b++) {
      const z = s.z + b * G;
      const cp = s.cs + (k * B + b) * H;
      for (let j = 0; j < H; j++) {
        const c = heap[cp + j] as number;
        heap[z + j] = (heap[z + j] as number) + (heap[s.peep + j] as number) * c;
        heap[z + H + j] = (heap[z + H + j] as number) + (heap[s.peep + H + j] as number) * c;
        heap[oSide + b * H + j] = heap[z + oAt + j] as number;
      }
    }
  }
  heapSigmoid(backend, s.z, B * G);
  heap = heapFloats(backend);
  for (let b = 0; b < B; b++) {
    const z = s.z + b * G;
    const a = s.acts + (k * B + b) * S * H;
    const cp = s.cs + (k * B + b) * H;
    for (let j = 0; j < H; j++) {
      const g = 2 * (heap[z + gAt + j] as number) - 1;
      const cPrev = heap[cp + j] as number;
      let c: number;
      if (coupled) {
        const f = heap[z + j] as number;
        c = g + f * (cPrev - g);
        heap[a + j] = f;
      } else {
        const i = heap[z + j] as number;
        const f = heap[z + H + j] as number;
        c = f * cPrev + i * g;
        heap[a + j] = i;
        heap[a + H + j] = f;
      }
      heap[a + gAt + j] = g;
      heap[a + cAt + j] = c;
      heap[side + b * H + j] = 2 * c;
      if (peephole)
        heap[oSide + b * H + j] = (heap[oSide + b * H + j] as number) + (heap[s.peep + 2 * H + j] as number) * c;
    }
  }
  heapSigmoid(backend, side, (peephole ? 2 : 1) * B * H);
  heap = heapFloats(backend);
  const gates = peephole ? oSide : s.z + oAt;
  for (let b = 0; b < B; b++) {
    const m = s.keep < 0 ? 1 : (heap[s.keep + b * T + t] as number);
    const a = s.acts + (k * B + b) * S * H;
    const o = peephole ? gates + b * H : gates + b * G;
    const hp = s.hs + (k * B + b) * H;
    const cp = s.cs + (k * B + b) * H;
    const hn = hp + B * H;
    const cn = cp + B * H;
    const y = s.y + (b * (T + E) + t) * H;
    const c2 = side + b * H;
    for (let j = 0; j < H; j++) {
      const c = heap[a + cAt + j] as number;
      const gate = heap[o + j] as number;
      const h = gate * (2 * (heap[c2 + j] as number) - 1);
      heap[a + oAt + j] = gate;
      if (m === 1) {
        heap[hn + j] = h;
        heap[cn + j] = c;
        heap[y + j] = h;
      } else {
        heap[hn + j] = m * h + (1 - m) * (heap[hp + j] as number);
        heap[cn + j] = m * c + (1 - m) * (heap[cp + j] as number);
        heap[y + j] = m * h;
      }
    }
  }
}
