import type * as tf from '@tensorflow/tfjs-core';
import type { BenchCase, BenchMode } from '../../harness/bench-case.js';
import { seededNormal } from '../../harness/seeded-tensors.js';
import { recurrentLabel, recurrentSize } from '../ops/recurrent.js';
import { rnnVariants, type RnnPackage, type RnnVariant } from '../rnn-package.js';

/**
 * The seed's recurrent variants from @baihua/rnn: Elman, LSTM, peephole LSTM (diagonal and
 * full), coupled-gate LSTM, GRU reset-before and reset-after. Each row records the parameter
 * count the layer reports (`parameters`) beside the seed's formula (`expectedParameters`), and
 * times the forward pass. Elman, LSTM and GRU (reset before) share compareKeys with the stock
 * tfjs-layers rows.
 */
export function oursRecurrentVariantCases(mode: BenchMode): BenchCase[] {
  const size = recurrentSize(mode);
  const label = recurrentLabel(size);
  const { inputSize: i, hiddenSize: h } = size;
  const expected: Record<RnnVariant, number> = {
    simpleRNN: h * (i + h + 1),
    lstm: 4 * h * (i + h + 1),
    peepholeLstm: 4 * h * (i + h + 1) + 3 * h,
    peepholeLstmFull: 4 * h * (i + h + 1) + 3 * h * h,
    coupledLstm: 3 * h * (i + h + 1),
    gru: 3 * h * (i + h + 1),
    gruResetAfter: 3 * h * (i + h + 2),
  };
  return (Object.keys(rnnVariants) as RnnVariant[]).map(
    (kind): BenchCase => ({
      id: `seed/recurrent-variant/${kind}/${label}/ours`,
      suite: 'seed',
      title: `${rnnVariants[kind].title} fwd ${label}`,
      implementation: 'ours',
      compareKey: `recurrent-variant/${kind}/${label}`,
      params: { variant: rnnVariants[kind].title, ...size },
      metrics: { expectedParameters: expected[kind] },
      async setup() {
        const rnn = (await import('@baihua/rnn')) satisfies RnnPackage;
        const layer = rnnVariants[kind].make(rnn, h);
        layer.ensureBuilt([size.batch, size.steps, i]);
        const parameters = layer.countParams();
        const x = seededNormal([size.batch, size.steps, i], 62);
        return {
          run: (): tf.Tensor => layer.apply(x),
          metrics: () => ({ parameters }),
          dispose: () => {
            x.dispose();
            layer.dispose();
          },
        };
      },
    }),
  );
}
