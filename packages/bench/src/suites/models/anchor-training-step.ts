import type { BenchCase, BenchMode } from '../../harness/bench-case.js';
import { type AnchorCell, anchorSize } from '../anchor/anchor-shape.js';
import { anchorRows } from '../ops/anchor-recurrent.js';
import type { RecurrentSize } from '../ops/recurrent.js';

/**
 * One training step at the anchor shape T100 B64 I256 H256 (models suite): the recurrent layer's
 * forward pass, the gradients of the summed outputs for every weight, and an SGD update, ours
 * beside stock tfjs-layers, GFLOP/s counted as 3x the forward FLOPs. The quick run keeps the LSTM
 * rows (on wasm); `--full` has all five cells on every backend, and LSTM op-by-op.
 *
 * In plain words: what one step of training a real-sized recurrent net costs.
 */
export function anchorTrainingStepCases(mode: BenchMode, size: RecurrentSize = anchorSize): BenchCase[] {
  const cells: AnchorCell[] = mode === 'quick' ? ['lstm'] : ['lstm', 'gru', 'peepholeLstm', 'coupledLstm', 'elman'];
  return cells.flatMap((cell) =>
    anchorRows('models', cell, 'train-step', mode, size, mode === 'full' && cell === 'lstm'),
  );
}
