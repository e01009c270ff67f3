import * as tf from '@tensorflow/tfjs-core';
import type { BenchCase, BenchMode } from '../../harness/bench-case.js';
import { seededNormal } from '../../harness/seeded-tensors.js';
import { rnnVariants, type RnnPackage } from '../rnn-package.js';
import { recurrentLabel, recurrentSize } from './recurrent.js';

/**
 * @baihua/rnn's LSTM and GRU (reset-before, as tfjs-layers' GRU) over a sequence: forward, and
 * forward+backward (gradients of the summed outputs for every weight). Same sizes and compareKeys
 * as the stock tf.layers.lstm / tf.layers.gru rows, so each row shows ours/stock.
 */
export function oursRecurrentCases(mode: BenchMode): BenchCase[] {
  const size = recurrentSize(mode);
  const label = recurrentLabel(size);
  return (['lstm', 'gru'] as const).flatMap((kind): BenchCase[] =>
    (['forward', 'backward'] as const).map(
      (pass): BenchCase => ({
        id: `ops/${kind}-${pass}/${label}/ours`,
        suite: 'ops',
        title: `${kind.toUpperCase()} seq ${pass === 'forward' ? 'fwd' : 'fwd+bwd'} ${label}`,
        implementation: 'ours',
        compareKey: `${kind}-${pass}/${label}`,
        params: { ...size },
        async setup() {
          const rnn = (await import('@baihua/rnn')) satisfies RnnPackage;
          const layer = rnnVariants[kind].make(rnn, size.hiddenSize);
          layer.ensureBuilt([size.batch, size.steps, size.inputSize]);
          const x = seededNormal([size.batch, size.steps, size.inputSize], 42);
          const variables = layer.trainableWeights().map((weight) => weight.variable);
          const run =
            pass === 'forward'
              ? () => layer.apply(x)
              : () => {
                  const { value, grads } = tf.variableGrads(() => tf.sum(layer.apply(x)) as tf.Scalar, variables);
                  return [value, ...variables.map((variable) => grads[variable.name] as tf.Tensor)];
                };
          return {
            run,
            dispose: () => {
              x.dispose();
              layer.dispose();
            },
          };
        },
      }),
    ),
  );
}
