import type { ForwardStep } from './forward-steps.js';
import { type SequenceHeapBackend, heapFloats, heapSigmoid } from './wasm-sequence-heap.js';

/**
 * One LSTM step (i, f, g, o; sigmoid gates) with the transcendental work on the backend's
 * vectorised Sigmoid: a = p + h U in place on z (the g block doubled), σ over all 4H gates at once
 * (g = 2 σ(2a) - 1 = tanh a), then C = f C_prev + i g with 2C written to `cell2`, σ over it, and
 * h = o (2 σ(2C) - 1) = o tanh C, blended by the mask. Saves i, f, g, o and C as the JS step does.
 * `cell2` is a scratch region of B·H floats. Expects z to hold h_{k-1} U for the step.
 * @example
 * lstmHeapStep(backend, step, scratch + 4 * batch * hidden);
 * In plain words: the gate arithmetic with the heavy curves drawn by the backend's fast pen.
 */
export function lstmHeapStep(backend: SequenceHeapBackend, s: ForwardStep, cell2: number): void {
  const { B, T, H, S, E, t, k } = s;
  const G = 4 * H;
  let heap = heapFloats(backend);
  for (let b = 0; b < B; b++) {
    const p = s.p + (b * T + t) * G;
    const z = s.z + b * G;
    for (let q = 0; q < 2 * H; q++) heap[z + q] = (heap[p + q] as number) + (heap[z + q] as number);
    for (let q = 2 * H; q < 3 * H; q++) heap[z + q] = 2 * ((heap[p + q] as number) + (heap[z + q] as number));
    for (let q = 3 * H; q < G; q++) heap[z + q] = (heap[p + q] as number) + (heap[z + q] as number);
  }
  heapSigmoid(backend, s.z, B * G);
  heap = heapFloats(backend);
  for (let b = 0; b < B; b++) {
    const z = s.z + b * G;
    const a = s.acts + (k * B + b) * S * H;
    const cp = s.cs + (k * B + b) * H;
    const c2 = cell2 + b * H;
    for (let j = 0; j < H; j++) {
      const i = heap[z + j] as number;
      const f = heap[z + H + j] as number;
      const g = 2 * (heap[z + 2 * H + j] as number) - 1;
      const c = f * (heap[cp + j] as number) + i * g;
      heap[a + j] = i;
      heap[a + H + j] = f;
      heap[a + 2 * H + j] = g;
      heap[a + 3 * H + j] = heap[z + 3 * H + j] as number;
      heap[a + 4 * H + j] = c;
      heap[c2 + j] = 2 * c;
    }
  }
  heapSigmoid(backend, cell2, B * H);
  heap = heapFloats(backend);
  for (let b = 0; b < B; b++) {
    const m = s.keep < 0 ? 1 : (heap[s.keep + b * T + t] as number);
    const a = s.acts + (k * B + b) * S * H;
    const hp = s.hs + (k * B + b) * H;
    const cp = s.cs + (k * B + b) * H;
    const hn = hp + B * H;
    const cn = cp + B * H;
    const y = s.y + (b * (T + E) + t) * H;
    const c2 = cell2 + b * H;
    for (let j = 0; j < H; j++) {
      const c = heap[a + 4 * H + j] as number;
      const h = (heap[a + 3 * H + j] as number) * (2 * (heap[c2 + j] as number) - 1);
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
