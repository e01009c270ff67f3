import * as tf from '@tensorflow/tfjs-core';
import { describeEachBackend } from '@baihua/core/testing';
import { expect, test } from 'vitest';
import { CoupledLstmCell } from '../../cells/coupled-lstm-cell.js';
import { LstmCell } from '../../cells/lstm-cell.js';
import { PeepholeLstmCell } from '../../cells/peephole-lstm-cell.js';
import './register-wasm-sequences.js';
import { type ParityCase, expectFusedMatchesReference } from '../test/fused-parity-case.js';

const mask = [
  [1, 1, 0, 0],
  [1, 0, 1, 1],
  [0, 0, 0, 0],
];

/** Checks the case on both paths, that the fused runner ran, and disposes the cell. */
async function check(given: ParityCase): Promise<void> {
  try {
    expect(await expectFusedMatchesReference(given)).toBe('wasm-fused-sequence');
  } finally {
    given.cell.dispose();
  }
}

// Fused vs op-by-op (setFusedSequences(false)) on wasm: loss and gradients for x, the initial
// state and every weight, rtol 1e-4 / atol 1e-5 (float32; sums in another order).
describeEachBackend(
  'wasm fused LSTM family',
  () => {
    test('LSTM with an initial state', () =>
      check({ cell: new LstmCell({ inputSize: 3, hiddenSize: 4, seed: 1 }), shape: [2, 5, 3], initialState: true }));

    test('LSTM with ragged masks (one row all padding), reverse and returnSequences false', () =>
      check({
        cell: new LstmCell({ inputSize: 3, hiddenSize: 5, seed: 2 }),
        shape: [3, 4, 3],
        mask,
        reverse: true,
        returnSequences: false,
        initialState: true,
      }));

    test('LSTM with PyTorch layout and a recurrent bias, masked', async () => {
      const weights = {
        kernel: tf.randomNormal([16, 3], 0, 0.5, 'float32', 3),
        recurrentKernel: tf.randomNormal([16, 4], 0, 0.5, 'float32', 4),
        bias: tf.randomNormal([16], 0, 0.5, 'float32', 5),
        recurrentBias: tf.randomNormal([16], 0, 0.5, 'float32', 6),
      };
      const cell = new LstmCell({ weights, weightLayout: 'torch' });
      tf.dispose(Object.values(weights));
      await check({ cell, shape: [3, 4, 3], initialState: true, mask });
    });

    test('LSTM at batch 1 (time 1: see the runner test)', () =>
      check({ cell: new LstmCell({ inputSize: 2, hiddenSize: 3, seed: 10 }), shape: [1, 2, 2], initialState: true }));

    test('diagonal peephole LSTM with a mask and an initial state', () =>
      check({
        cell: new PeepholeLstmCell({ inputSize: 3, hiddenSize: 4, seed: 7 }),
        shape: [3, 4, 3],
        mask,
        initialState: true,
      }));

    test('coupled LSTM, reverse, masked, with an initial state', () =>
      check({
        cell: new CoupledLstmCell({ inputSize: 3, hiddenSize: 4, seed: 8 }),
        shape: [3, 4, 3],
        reverse: true,
        mask,
        initialState: true,
      }));
  },
  { backends: ['wasm'] },
);
