import * as tf from '@tensorflow/tfjs-core';
import { describeEachBackend } from '@baihua/core/testing';
import { expect, test } from 'vitest';
import { CoupledLstmCell } from '../../cells/coupled-lstm-cell.js';
import { LstmCell } from '../../cells/lstm-cell.js';
import { PeepholeLstmCell } from '../../cells/peephole-lstm-cell.js';
import { type ParityCase, expectFusedMatchesReference } from './fused-parity-case.js';
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

    test('coupled LSTM, reverse, with an initial state', () =>
      check({
        cell: new CoupledLstmCell({ inputSize: 3, hiddenSize: 4, seed: 8 }),
        shape: [2, 3, 3],
        reverse: true,
        initialState: true,
      }));

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
