import * as tf from '@tensorflow/tfjs-core';
import { Adam, Dense, Embedding, Sequential, fit } from '@baihua/core';
import { describeEachBackend, expectTensorsClose } from '@baihua/core/testing';
import { expect, test, vi } from 'vitest';
import { Bidirectional } from '../../layers/bidirectional.js';
import { GRU } from '../../layers/gru.js';
import { LSTM } from '../../layers/lstm.js';
import { SimpleRNN } from '../../layers/simple-rnn.js';
import '../../layers/register-recurrent-layers.js';
import { setFusedSequences } from '../fused-sequence-registry.js';
import './register-wasm-sequences.js';
import { wasmSequenceRunner } from './wasm-sequence-runner.js';

const meanSquared = (labels: tf.Tensor, predictions: tf.Tensor) =>
  tf.mean(tf.square(tf.sub(labels, predictions))) as tf.Scalar;

/** Trains Embedding(maskZero) -> Bidirectional(LSTM) -> GRU -> SimpleRNN -> Dense for 3 epochs. */
async function train(fused: boolean): Promise<{ losses: number[]; weights: tf.Tensor[] }> {
  const before = setFusedSequences(fused);
  const ids = tf.tensor2d(
    [
      [1, 2, 3, 4],
      [5, 6, 0, 0],
      [2, 0, 0, 0],
    ],
    undefined,
    'int32',
  );
  const y = tf.tensor2d([[1], [-1], [0.5]]);
  const layers = [
    new Embedding({ inputDim: 7, outputDim: 3, maskZero: true }),
    new Bidirectional({ layer: new LSTM({ units: 3, returnSequences: true }) }),
    new GRU({ units: 2, returnSequences: true }),
    new SimpleRNN({ units: 2 }),
    new Dense({ units: 1 }),
  ];
  const model = new Sequential({ seed: 5, layers });
  try {
    const options = { loss: meanSquared, optimizer: new Adam({ learningRate: 0.05 }), epochs: 3, batchSize: 3 };
    const history = await fit(model, { x: ids, y }, { ...options, progress: 'none' });
    return { losses: history.metrics.loss as number[], weights: model.getWeights() };
  } finally {
    setFusedSequences(before);
    tf.dispose([ids, y]);
    model.dispose();
  }
}

describeEachBackend(
  'wasm fused sequences in layers',
  () => {
    test('fit through Bidirectional(LSTM), GRU and SimpleRNN on masked ids takes it, trains as op-by-op', async () => {
      const run = vi.spyOn(wasmSequenceRunner, 'run');
      try {
        const fused = await train(true);
        expect(run).toHaveBeenCalled();
        run.mockClear();
        const reference = await train(false);
        expect(run).not.toHaveBeenCalled();
        for (const [k, loss] of reference.losses.entries()) expect(fused.losses[k]).toBeCloseTo(loss, 4);
        for (const [k, weight] of reference.weights.entries())
          await expectTensorsClose(fused.weights[k] as tf.Tensor, weight, { rtol: 1e-3, atol: 1e-5 });
        tf.dispose([fused.weights, reference.weights]);
      } finally {
        run.mockRestore();
      }
    });
  },
  { backends: ['wasm'] },
);
