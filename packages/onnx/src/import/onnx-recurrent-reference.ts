import type { HostTensor } from './onnx-ir.js';

/**
 * Test helper: the ONNX LSTM / GRU / RNN equations of the operator spec (opset 14+), in float64 JS
 * loops, independent of baihua's cells: the reference the imported recurrent layers are checked
 * against. x [B, T, I] batch-first; returns Y as [B, T, D * H] (directions concatenated) and Y_h
 * [D][B][H]. input_forget couples the gates as ONNX Runtime does: f = 1 - i.
 */
export interface RecurrentSpec {
  op: 'LSTM' | 'GRU' | 'RNN';
  hidden: number;
  directions: ('forward' | 'reverse')[];
  w: HostTensor;
  r: HostTensor;
  b?: HostTensor;
  p?: HostTensor;
  inputForget?: boolean;
  linearBeforeReset?: boolean;
  activation?: 'Tanh' | 'Relu';
}

const sigmoid = (v: number): number => 1 / (1 + Math.exp(-v));

export function onnxRecurrentReference(spec: RecurrentSpec, x: number[][][]): { y: number[][][]; yh: number[][][] } {
  const { hidden: H } = spec;
  const G = { LSTM: 4, GRU: 3, RNN: 1 }[spec.op];
  const at = (t: HostTensor, ...index: number[]): number => {
    let flat = 0;
    for (let k = 0; k < index.length; k++) flat = flat * (t.shape[k] as number) + (index[k] as number);
    return Number(t.values[flat]);
  };
  const y = x.map((row) => row.map(() => new Array<number>(spec.directions.length * H).fill(0)));
  const yh: number[][][] = [];
  spec.directions.forEach((direction, d) => {
    // gate g, unit j: x W^T + h R^T (+ Wb + Rb when split = false)
    const inputPart = (xt: number[], g: number, j: number): number =>
      xt.reduce((s, v, i) => s + v * at(spec.w, d, g * H + j, i), 0) + (spec.b ? at(spec.b, d, g * H + j) : 0);
    const hiddenPart = (h: number[], g: number, j: number): number =>
      h.reduce((s, v, i) => s + v * at(spec.r, d, g * H + j, i), 0) + (spec.b ? at(spec.b, d, G * H + g * H + j) : 0);
    const finals: number[][] = [];
    x.forEach((row, b) => {
      let h = new Array<number>(H).fill(0);
      let c = new Array<number>(H).fill(0);
      const steps = row.map((_, t) => (direction === 'forward' ? t : row.length - 1 - t));
      for (const t of steps) {
        const xt = row[t] as number[];
        const pre = (g: number, j: number): number => inputPart(xt, g, j) + hiddenPart(h, g, j);
        const units = Array.from({ length: H }, (_, j) => j);
        const nextH = new Array<number>(H);
        const nextC = new Array<number>(H);
        if (spec.op === 'RNN') {
          for (const j of units) nextH[j] = spec.activation === 'Relu' ? Math.max(pre(0, j), 0) : Math.tanh(pre(0, j));
        } else if (spec.op === 'GRU') {
          const z = units.map((j) => sigmoid(pre(0, j)));
          const r = units.map((j) => sigmoid(pre(1, j)));
          const resetHidden = h.map((v, k) => v * (r[k] as number));
          for (const j of units) {
            const candidate = spec.linearBeforeReset
              ? inputPart(xt, 2, j) + (r[j] as number) * hiddenPart(h, 2, j)
              : inputPart(xt, 2, j) + hiddenPart(resetHidden, 2, j);
            nextH[j] = (1 - (z[j] as number)) * Math.tanh(candidate) + (z[j] as number) * (h[j] as number);
          }
        } else {
          for (const j of units) {
            const peep = (k: number, cell: number): number => (spec.p ? at(spec.p, d, k * H + j) * cell : 0);
            const i = sigmoid(pre(0, j) + peep(0, c[j] as number));
            const f = spec.inputForget ? 1 - i : sigmoid(pre(2, j) + peep(2, c[j] as number));
            nextC[j] = f * (c[j] as number) + i * Math.tanh(pre(3, j));
            const o = sigmoid(pre(1, j) + peep(1, nextC[j] as number));
            nextH[j] = o * Math.tanh(nextC[j] as number);
          }
        }
        h = nextH;
        c = nextC;
        for (let j = 0; j < H; j++) (y[b]?.[t] as number[])[d * H + j] = h[j] as number;
      }
      finals.push(h);
    });
    yh.push(finals);
  });
  return { y, yh };
}
