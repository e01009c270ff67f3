import { combine, concatRows, sliceRows, transpose2d } from './host-tensors.js';
import type { HostTensor } from './onnx-ir.js';

/**
 * ONNX recurrent weights of one direction in baihua's (Keras) layout. ONNX stacks gate blocks as
 * rows: LSTM i, o, f, c; GRU z, r, h. baihua's cells use LSTM i, f, g(=c), o; coupled LSTM f, g, o;
 * GRU r, z, n with h = (1 - z) h_prev + z n, which is ONNX's form with z's weights negated.
 */
export interface DirectionWeights {
  kernel: HostTensor;
  recurrentKernel: HostTensor;
  bias?: HostTensor;
  recurrentBias?: HostTensor;
  peepholeWeights?: HostTensor;
}

/** A block plan: which ONNX block goes where, and its sign. */
export type BlockPlan = { block: number; sign: 1 | -1 }[];

/** Rows of the blocks of `t` (direction `d` of [D, G*H, ...]) in `plan` order. */
function blocks(t: HostTensor, d: number, hidden: number, gates: number, plan: BlockPlan): HostTensor {
  const direction = sliceRows(t, d, 1);
  const rows = { ...direction, shape: [gates * hidden, ...t.shape.slice(2)] };
  return concatRows(plan.map(({ block, sign }) => combine(sliceRows(rows, block * hidden, hidden), sign)));
}

/** The kernels of direction `d`, reordered by `plan` and transposed to [in, G*H]. */
export function directionKernels(
  w: HostTensor,
  r: HostTensor,
  d: number,
  hidden: number,
  plan: BlockPlan,
): Pick<DirectionWeights, 'kernel' | 'recurrentKernel'> {
  const gates = (w.shape[1] as number) / hidden;
  return {
    kernel: transpose2d(blocks(w, d, hidden, gates, plan)),
    recurrentKernel: transpose2d(blocks(r, d, hidden, gates, plan)),
  };
}

/** The two biases of direction `d` of B [D, 2*G*H] (Wb then Rb), reordered by `plan`. */
export function directionBiases(b: HostTensor, d: number, hidden: number, plan: BlockPlan): [HostTensor, HostTensor] {
  const gates = (b.shape[1] as number) / (2 * hidden);
  const row = sliceRows(b, d, 1);
  const both = { ...row, shape: [2, gates * hidden] };
  const [wb, rb] = [sliceRows(both, 0, 1), sliceRows(both, 1, 1)].map((t) => ({ ...t, shape: [gates, hidden] }));
  const order = (t: HostTensor): HostTensor => {
    const flat = blocks({ ...t, shape: [1, gates * hidden] }, 0, hidden, gates, plan);
    return { ...flat, shape: [plan.length * hidden] };
  };
  return [order(wb as HostTensor), order(rb as HostTensor)];
}

/** Peepholes P [D, 3H] (ONNX i, o, f) as baihua's diagonal [3, H] rows i, f, o. */
export function directionPeepholes(p: HostTensor, d: number, hidden: number): HostTensor {
  const row = { ...sliceRows(p, d, 1), shape: [3 * hidden] };
  const rows = { ...row, shape: [3, hidden] };
  return concatRows([0, 2, 1].map((k) => sliceRows(rows, k, 1)));
}
