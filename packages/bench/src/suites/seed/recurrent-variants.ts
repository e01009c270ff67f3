import type * as tf from '@tensorflow/tfjs-core';
import type { BenchCase, BenchMode } from '../../harness/bench-case.js';
import { seededNormal } from '../../harness/seeded-tensors.js';
import { disposeStockWeights } from '../../harness/stock-layers.js';
import { recurrentLabel, recurrentSize, stockRecurrentLayer } from '../ops/recurrent.js';

const stockVariants = { simpleRNN: 'Elman RNN', lstm: 'LSTM', gru: 'GRU' } as const;

/**
 * The seed's recurrent variants side by side (stock tfjs-layers): parameter count (the seed:
 * LSTM has 4 gate blocks, GRU 3, Elman 1) and the forward time over a sequence.
 */
export function recurrentVariantCases(mode: BenchMode): BenchCase[] {
  const size = recurrentSize(mode);
  const label = recurrentLabel(size);
  const { inputSize: i, hiddenSize: h } = size;
  const parameters = { simpleRNN: h * (i + h + 1), lstm: 4 * h * (i + h + 1), gru: 3 * h * (i + h + 1) };
  return (Object.keys(stockVariants) as Array<keyof typeof stockVariants>).map((kind) => ({
    id: `seed/recurrent-variant/${kind}/${label}/stock`,
    suite: 'seed',
    title: `${stockVariants[kind]} fwd ${label}`,
    implementation: 'stock',
    compareKey: `recurrent-variant/${kind}/${label}`,
    params: { variant: stockVariants[kind], ...size },
    metrics: { parameters: parameters[kind] },
    setup() {
      const layer = stockRecurrentLayer(kind, size, 61);
      const counted = layer.countParams();
      if (counted !== parameters[kind])
        throw new Error(`${kind}: expected ${parameters[kind]} parameters, tfjs-layers has ${counted}`);
      const x = seededNormal([size.batch, size.steps, size.inputSize], 62);
      return {
        run: () => layer.apply(x) as tf.Tensor,
        dispose: () => {
          x.dispose();
          disposeStockWeights(layer);
        },
      };
    },
  }));
}
