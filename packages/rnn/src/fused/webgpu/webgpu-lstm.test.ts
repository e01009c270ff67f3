import * as tf from '@tensorflow/tfjs-core';
import { describeEachBackend, expectTensorsClose } from '@baihua/core/testing';
import { expect, test } from 'vitest';
import { CoupledLstmCell } from '../../cells/coupled-lstm-cell.js';
import { LstmCell } from '../../cells/lstm-cell.js';
import { PeepholeLstmCell } from '../../cells/peephole-lstm-cell.js';
import { runSequence } from '../../sequence/run-sequence.js';
import { fusedSequenceRunnerFor } from '../fused-sequence-registry.js';
import { type ParityCase, expectFusedMatchesReference } from '../test/fused-parity-case.js';
import './register-webgpu-sequences.js';

const mask = [
  [1, 1, 0],
  [1, 0, 1],
];

/** Checks the case on both paths, that the fused runner ran, and disposes the cell. */
async function check(given: ParityCase): Promise<void> {
  try {
    expect(await expectFusedMatchesReference(given)).toBe('webgpu-fused-sequence');
  } finally {
    given.cell.dispose();
  }
}

// Fused vs op-by-op (setFusedSequences(false)) on webgpu: loss and gradients for x, the initial
// state and every weight, rtol 2e-4 / atol 2e-5 (float32, sums in another order).
describeEachBackend(
  'webgpu fused LSTM family',
  () => {
    test('LSTM with an initial state', () =>
      check({ cell: new LstmCell({ inputSize: 3, hiddenSize: 4, seed: 1 }), shape: [2, 3, 3], initialState: true }));

    test('LSTM with hardSigmoid gates, a mask, reverse and returnSequences false', () =>
      check({
        cell: new LstmCell({ inputSize: 3, hiddenSize: 4, seed: 2, recurrentActivation: 'hardSigmoid' }),
        shape: [2, 3, 3],
        mask,
        reverse: true,
        returnSequences: false,
      }));

    test('LSTM with PyTorch layout and a recurrent bias', async () => {
      const weights = {
        kernel: tf.randomNormal([16, 3], 0, 0.5, 'float32', 3),
        recurrentKernel: tf.randomNormal([16, 4], 0, 0.5, 'float32', 4),
        bias: tf.randomNormal([16], 0, 0.5, 'float32', 5),
        recurrentBias: tf.randomNormal([16], 0, 0.5, 'float32', 6),
      };
      const cell = new LstmCell({ weights, weightLayout: 'torch' });
      tf.dispose(Object.values(weights));
      await check({ cell, shape: [2, 3, 3], initialState: true, mask });
    });

    test('diagonal peephole LSTM with a mask and an initial state', () =>
      check({
        cell: new PeepholeLstmCell({ inputSize: 3, hiddenSize: 4, seed: 7 }),
        shape: [2, 3, 3],
        mask,
        initialState: true,
      }));

    test('coupled LSTM, reverse, masked, with an initial state', () =>
      check({
        cell: new CoupledLstmCell({ inputSize: 3, hiddenSize: 4, seed: 8 }),
        shape: [2, 3, 3],
        reverse: true,
        mask,
        initialState: true,
      }));

    test('LSTM over a single step matches cell.step (values and gradients)', async () => {
      // The op-by-op path cannot be differentiated at T 1 (tf.unstack's gradient hands tf.stack a
      // single tensor), so the reference here is one cell.step.
      const cell = new LstmCell({ inputSize: 3, hiddenSize: 4, seed: 10 });
      const x = tf.randomNormal([2, 1, 3], 0, 1, 'float32', 1);
      const hidden = tf.randomNormal([2, 4], 0, 1, 'float32', 2) as tf.Tensor2D;
      const state = tf.randomNormal([2, 4], 0, 1, 'float32', 3) as tf.Tensor2D;
      const weights = Object.values(cell.weightVariables());
      const lossOf = (next: { hidden: tf.Tensor; cell: tf.Tensor }) =>
        tf.add(tf.sum(tf.mul(next.hidden, tf.reshape(tf.linspace(-1, 1, 8), [2, 4]))), tf.sum(next.cell));
      const grads = (f: (xs: tf.Tensor, h: tf.Tensor, c: tf.Tensor) => tf.Scalar) =>
        tf.tidy(() => {
          const inputs = tf.grads(f)([x, hidden, state]);
          const ofWeights = tf.variableGrads(() => f(x, hidden, state), weights);
          return [ofWeights.value, ...inputs, ...weights.map((w) => ofWeights.grads[w.name] as tf.Tensor)];
        });
      try {
        expect(fusedSequenceRunnerFor(cell as never, x, {})?.name).toBe('webgpu-fused-sequence');
        const fused = grads((xs, h, c) => {
          const { finalState } = runSequence(cell, xs, {
            reverse: true,
            initialState: { hidden: h, cell: c } as never,
          });
          return lossOf(finalState as never) as tf.Scalar;
        });
        const reference = grads((xs, h, c) => {
          const step = cell.step(tf.reshape(xs, [2, 3]), { hidden: h as tf.Tensor2D, cell: c as tf.Tensor2D });
          return lossOf(step) as tf.Scalar;
        });
        for (const [k, expected] of reference.entries())
          await expectTensorsClose(fused[k] as tf.Tensor, expected, { rtol: 2e-4, atol: 2e-5 });
        tf.dispose([fused, reference]);
      } finally {
        tf.dispose([x, hidden, state]);
        cell.dispose();
      }
    });

    test('LSTM at H 33 (units across workgroup edges), masked', () =>
      check({
        cell: new LstmCell({ inputSize: 5, hiddenSize: 33, seed: 9 }),
        shape: [3, 2, 5],
        mask: [
          [1, 1],
          [0, 1],
          [1, 0],
        ],
      }));
  },
  { backends: ['webgpu'] },
);
