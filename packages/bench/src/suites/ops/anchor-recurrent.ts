import type { BenchCase, BenchMode, SuiteName } from '../../harness/bench-case.js';
import type { RecurrentSize } from './recurrent.js';
import { type AnchorPass, prepareOursAnchor, prepareStockAnchor } from '../anchor/anchor-runs.js';
import {
  type AnchorCell,
  anchorCells,
  anchorLabel,
  anchorSize,
  anchorSkip,
  anchorTiming,
  sequenceForwardFlops,
  sequenceTrainingFlops,
} from '../anchor/anchor-shape.js';

const passTitle: Record<AnchorPass, string> = { forward: 'fwd', backward: 'fwd+bwd', 'train-step': 'train step' };

/** One cell and pass at one size: the stock row (where tfjs-layers has the cell), ours, optionally ours op-by-op. */
export function anchorRows(
  suite: SuiteName,
  cell: AnchorCell,
  pass: AnchorPass,
  mode: BenchMode,
  size: RecurrentSize,
  opByOp: boolean,
): BenchCase[] {
  const spec = anchorCells[cell];
  const label = anchorLabel(size);
  const compareKey = `anchor-${cell}-${pass}/${label}`;
  const flops = pass === 'forward' ? sequenceForwardFlops(spec, size) : sequenceTrainingFlops(spec, size);
  const skip = anchorSkip(mode, size);
  const timing = anchorTiming(mode);
  const common = {
    suite,
    compareKey,
    flops,
    ...(skip ? { skip } : {}),
    timing,
    tolerance: { rtol: 2e-3, atol: 2e-3 },
  };
  const stock = spec.stock;
  const params = {
    cell: spec.title,
    ...size,
    pass,
    flopsFormula: '2*T*B*G*H*(I+H) + T*B*H*e, x3 with backward',
    repetitions: `cold run, ${timing.warmupIterations} warm-up, ${timing.iterations} timed`,
    stockPeer: 'layer' in stock ? `tf.layers.${stock.layer}` : `none: ${stock.none}`,
  };
  const rows: BenchCase[] = [];
  if ('layer' in stock) {
    rows.push({
      ...common,
      id: `${suite}/${compareKey}/stock`,
      title: `${spec.title} ${passTitle[pass]} ${label}`,
      implementation: 'stock',
      params,
      setup: () => prepareStockAnchor(stock.layer, size, pass),
    });
  }
  const noPeer = 'none' in stock ? ' (no stock peer)' : '';
  rows.push({
    ...common,
    id: `${suite}/${compareKey}/ours`,
    title: `${spec.title} ${passTitle[pass]} ${label}${noPeer}`,
    implementation: 'ours',
    params: { ...params, path: 'fused where the backend has a kernel' },
    setup: () => prepareOursAnchor(cell, size, pass, true),
  });
  if (opByOp) {
    rows.push({
      ...common,
      id: `${suite}/${compareKey}-op-by-op/ours`,
      title: `${spec.title} ${passTitle[pass]} ${label} op-by-op`,
      implementation: 'ours',
      params: { ...params, path: 'op-by-op (setFusedSequences(false))' },
      setup: () => prepareOursAnchor(cell, size, pass, false),
    });
  }
  return rows;
}

/**
 * The recurrent rows at the anchor shape T100 B64 I256 H256 (ops suite): forward and
 * forward+backward (gradients of the summed outputs for the input and every weight) of LSTM, GRU,
 * peephole LSTM, coupled LSTM and Elman, ours beside stock tfjs-layers (LSTM, GRU, SimpleRNN; the
 * peephole and coupled rows say they have no stock peer), each with GFLOP/s from
 * {@link sequenceForwardFlops}; LSTM also op-by-op, so the fused kernel's gain shows. The quick run
 * keeps the LSTM forward rows (on wasm); `--full` has them all on every backend.
 *
 * In plain words: the sizes people really train at, where speed matters.
 */
export function anchorRecurrentCases(mode: BenchMode, size: RecurrentSize = anchorSize): BenchCase[] {
  const cells: AnchorCell[] = mode === 'quick' ? ['lstm'] : ['lstm', 'gru', 'peepholeLstm', 'coupledLstm', 'elman'];
  const passes: AnchorPass[] = mode === 'quick' ? ['forward'] : ['forward', 'backward'];
  return cells.flatMap((cell) => passes.flatMap((pass) => anchorRows('ops', cell, pass, mode, size, cell === 'lstm')));
}
