import type { BenchCase, BenchMode } from '../../harness/bench-case.js';
import type { RecurrentSize } from '../ops/recurrent.js';

/** The size people train recurrent nets at, where op-by-op tfjs falls behind (issue 13). */
export const anchorSize: RecurrentSize = { steps: 100, batch: 64, inputSize: 256, hiddenSize: 256 };

/** The five cells measured at the anchor shape. */
export type AnchorCell = 'lstm' | 'gru' | 'peepholeLstm' | 'coupledLstm' | 'elman';

/** What the rows need to know of each cell: its gate count, its element-wise FLOPs and its stock peer. */
export interface AnchorCellSpec {
  title: string;
  /** Gate blocks G: the kernels are [I, G*H] and [H, G*H]. */
  gates: number;
  /** Element-wise FLOPs per step, batch row and hidden unit (see {@link sequenceForwardFlops}). */
  elementwise: number;
  /** The tfjs-layers layer doing the same work, or why there is none. */
  stock: { layer: 'lstm' | 'gru' | 'simpleRNN' } | { none: string };
}

/**
 * Element-wise FLOPs per (step, row, unit), counting each add, multiply and activation as one:
 * every cell adds bias and the two projections (2G) and applies G activations; then
 * LSTM c = f*c + i*g, h = o*tanh(c): 5; peephole (diagonal) adds 3 products and 3 sums: 11;
 * coupled (i = 1 - f): 6; GRU (reset before) r*h and h = (1-z)*n + z*h: 5; Elman: 0.
 */
export const anchorCells: Record<AnchorCell, AnchorCellSpec> = {
  lstm: { title: 'LSTM', gates: 4, elementwise: 3 * 4 + 5, stock: { layer: 'lstm' } },
  gru: { title: 'GRU (reset before)', gates: 3, elementwise: 3 * 3 + 5, stock: { layer: 'gru' } },
  peepholeLstm: {
    title: 'peephole LSTM',
    gates: 4,
    elementwise: 3 * 4 + 11,
    stock: { none: 'tfjs-layers has no peephole LSTM' },
  },
  coupledLstm: {
    title: 'coupled LSTM',
    gates: 3,
    elementwise: 3 * 3 + 6,
    stock: { none: 'tfjs-layers has no coupled-gate LSTM' },
  },
  elman: { title: 'Elman RNN', gates: 1, elementwise: 3, stock: { layer: 'simpleRNN' } },
};

/**
 * FLOPs of one forward pass over a sequence: the input projection for all steps (one GEMM
 * [T*B, I] x [I, G*H]), the recurrent GEMM of every step ([B, H] x [H, G*H]) and the gates:
 * `2*T*B*G*H*(I + H) + T*B*H*e`. The anchor LSTM: 6.71 GFLOP (6.71e9 GEMM + 2.8e7 gates).
 *
 * @example sequenceForwardFlops(anchorCells.lstm, anchorSize); // 6_738_739_200
 *
 * In plain words: how much arithmetic one pass over the sequence is, so time becomes GFLOP/s.
 */
export function sequenceForwardFlops(cell: AnchorCellSpec, size: RecurrentSize): number {
  const { steps, batch, inputSize, hiddenSize } = size;
  return (
    2 * steps * batch * cell.gates * hiddenSize * (inputSize + hiddenSize) +
    steps * batch * hiddenSize * cell.elementwise
  );
}

/**
 * FLOPs of forward + backward: the backward pass does two GEMMs for each forward one (gradients
 * of the input and of the weights) and about twice the gate work, so 3x the forward (the usual
 * convention; the optimiser's few FLOPs per weight are not counted).
 */
export function sequenceTrainingFlops(cell: AnchorCellSpec, size: RecurrentSize): number {
  return 3 * sequenceForwardFlops(cell, size);
}

/** `T100 B64 I256 H256`. */
export function anchorLabel({ steps, batch, inputSize, hiddenSize }: RecurrentSize): string {
  return `T${steps} B${batch} I${inputSize} H${hiddenSize}`;
}

/**
 * Backends an anchor row skips: in the quick run, cpu (seconds to minutes per row in plain JS) and
 * webgpu (SwiftShader: minutes); `--full` runs every backend. Tiny sizes (tests) skip nothing.
 */
export function anchorSkip(mode: BenchMode, size: RecurrentSize): BenchCase['skip'] {
  if (mode === 'full' || size !== anchorSize) return undefined;
  const reason = 'the quick run measures the anchor shape on wasm only; --full runs every backend';
  return { cpu: reason, webgpu: reason };
}

/**
 * Anchor rows take up to seconds on wasm and minutes on cpu: quick runs time them with the cold run
 * and one timed run, no warm-up; full runs with one warm-up and two timed runs.
 */
export function anchorTiming(mode: BenchMode): NonNullable<BenchCase['timing']> {
  return mode === 'quick'
    ? { warmupIterations: 0, iterations: 1, timeMs: 0 }
    : { warmupIterations: 1, iterations: 2, timeMs: 0 };
}
