import * as tf from '@tensorflow/tfjs-core';
import { Adam, Dense, Embedding, Sequential, fit } from '@baihua/core';
import { describeEachBackend, expectNoLeakedTensors, expectTensorsClose } from '@baihua/core/testing';
import { expect, test, vi } from 'vitest';
import { ElmanCell } from '../../cells/elman-cell.js';
import { GruCell } from '../../cells/gru-cell.js';
import { LstmCell } from '../../cells/lstm-cell.js';
import { PeepholeLstmCell } from '../../cells/peephole-lstm-cell.js';
import type { LstmState } from '../../cells/recurrent-cell.js';
import { Bidirectional } from '../../layers/bidirectional.js';
import { GRU } from '../../layers/gru.js';
import { LSTM } from '../../layers/lstm.js';
import '../../layers/register-recurrent-layers.js';
import { runSequence } from '../../sequence/run-sequence.js';
import { StackedRnn } from '../../sequence/stacked-rnn.js';
import { fusedSequenceRunnerFor, setFusedSequences } from '../fused-sequence-registry.js';
import './register-webgpu-sequences.js';
import { webgpuSequenceRunner } from './webgpu-sequence-runner.js';

const meanSquared = (labels: tf.Tensor, predictions: tf.Tensor) =>
  tf.mean(tf.square(tf.sub(labels, predictions))) as tf.Scalar;

/** Trains Embedding(maskZero) -> Bidirectional(LSTM) -> GRU -> Dense for 3 epochs; losses and weights. */
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
    new GRU({ units: 2 }),
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
  'webgpu fused sequence runner',
  () => {
    test('fit through Embedding(maskZero), Bidirectional(LSTM), GRU takes it and trains as the reference', async () => {
      const run = vi.spyOn(webgpuSequenceRunner, 'run');
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

    test('cells it does not handle (kind, variant, rewritten step), and int32 states, take the op-by-op path', () => {
      const x = tf.ones([1, 2, 3]);
      const full = new PeepholeLstmCell({ inputSize: 3, hiddenSize: 2, peephole: 'full' });
      const custom = new ElmanCell({ inputSize: 3, hiddenSize: 2, activation: (t: tf.Tensor) => tf.sin(t) });
      const gru = new GruCell({ inputSize: 3, hiddenSize: 2 });
      // Same kind, other math: the fused kernel would compute a plain LSTM step.
      class DoubledLstm extends LstmCell {
        override stepProjected(projected: tf.Tensor2D, state: LstmState): LstmState {
          return super.stepProjected(tf.mul(projected, 2) as tf.Tensor2D, state);
        }
      }
      const rewritten = new DoubledLstm({ inputSize: 3, hiddenSize: 2 });
      const hidden = tf.zeros([1, 2], 'int32') as tf.Tensor2D;
      try {
        expect(fusedSequenceRunnerFor(full as never, x, {})).toBeUndefined();
        expect(fusedSequenceRunnerFor(custom as never, x, {})).toBeUndefined();
        expect(fusedSequenceRunnerFor(rewritten as never, x, {})).toBeUndefined();
        expect(fusedSequenceRunnerFor(gru as never, x, {})?.name).toBe('webgpu-fused-sequence');
        expect(fusedSequenceRunnerFor(gru as never, x, { initialState: { hidden } })).toBeUndefined();
        expect(
          fusedSequenceRunnerFor(
            gru as never,
            tf.tidy(() => tf.cast(x, 'int32')),
            {},
          ),
        ).toBeUndefined();
      } finally {
        tf.dispose([x, hidden]);
        for (const cell of [full, custom, gru, rewritten]) cell.dispose();
      }
    });

    test('a sequence whose workspace exceeds one storage buffer of the device takes the op-by-op path', () => {
      // Elman, H 2048: the forward workspace holds about 3 T H floats, past SwiftShader's 1 GiB (and an
      // H200's 2 GiB) binding limit at T 90,000; T 100 fits.
      const cell = new ElmanCell({ inputSize: 1, hiddenSize: 2048 });
      const long = tf.zeros([1, 90_000, 1]);
      const short = tf.zeros([1, 100, 1]);
      try {
        expect(fusedSequenceRunnerFor(cell as never, long, {})).toBeUndefined();
        expect(fusedSequenceRunnerFor(cell as never, short, {})?.name).toBe('webgpu-fused-sequence');
      } finally {
        tf.dispose([long, short]);
        cell.dispose();
      }
    });

    test('forward, gradients, Bidirectional and StackedRnn runs and failing calls leak no tensor', async () => {
      const lstm = new LstmCell({ inputSize: 3, hiddenSize: 4 });
      const gru = new GruCell({ inputSize: 4, hiddenSize: 2, resetAfter: false });
      const stack = new StackedRnn([lstm, gru]);
      const x = tf.randomNormal([2, 3, 3]);
      const mask = tf.tensor2d([
        [1, 1, 0],
        [1, 0, 0],
      ]);
      try {
        await expectNoLeakedTensors(() => {
          const single = runSequence(lstm, x, { mask, reverse: true, returnSequences: false });
          const stacked = runSequence(stack, x, { mask });
          const outputs = [single.outputs, single.finalState, stacked.outputs, ...stacked.finalState];
          const grads = tf.grads((input: tf.Tensor) => tf.sum(runSequence(stack, input, { mask }).outputs))([x]);
          const weights = tf.variableGrads(() => tf.sum(runSequence(lstm, x).outputs) as tf.Scalar);
          return [outputs, grads, weights.value, weights.grads];
        });
        const badMask = tf.ones([2, 4]);
        await expectNoLeakedTensors(() => {
          for (let k = 0; k < 3; k++) {
            expect(() => runSequence(lstm, x, { mask: badMask })).toThrow(
              /runSequence: expected mask of shape \[2,3\]/,
            );
            expect(() => tf.grads((input: tf.Tensor) => tf.sum(runSequence(gru, input).outputs))([x])).toThrow(
              /runSequence: expected x of shape \[batch, time, 4\]/,
            );
          }
          return [];
        });
        badMask.dispose();
      } finally {
        tf.dispose([x, mask]);
        stack.dispose();
      }
    });
  },
  { backends: ['webgpu'] },
);
