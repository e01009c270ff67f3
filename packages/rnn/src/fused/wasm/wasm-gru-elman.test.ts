import * as tf from '@tensorflow/tfjs-core';
import { describeEachBackend } from '@baihua/core/testing';
import { expect, test } from 'vitest';
import { ElmanCell } from '../../cells/elman-cell.js';
import { GruCell } from '../../cells/gru-cell.js';
import './register-wasm-sequences.js';
import { type ParityCase, expectFusedMatchesReference } from '../test/fused-parity-case.js';

const mask = [
  [1, 1, 1, 0],
  [0, 1, 0, 1],
];

/** Checks the case on both paths, that the fused runner ran, and disposes the cell. */
async function check(given: ParityCase): Promise<void> {
  try {
    expect(await expectFusedMatchesReference(given)).toBe('wasm-fused-sequence');
  } finally {
    given.cell.dispose();
  }
}

// Fused vs op-by-op on wasm, loss and every gradient, rtol 1e-4 / atol 1e-5.
describeEachBackend(
  'wasm fused GRU and Elman',
  () => {
    test('GRU with reset after (default), an initial state and a mask', () =>
      check({
        cell: new GruCell({ inputSize: 3, hiddenSize: 4, seed: 1 }),
        shape: [2, 4, 3],
        initialState: true,
        mask,
      }));

    test("GRU with reset before, Keras' zrn order and PyTorch's update form, reverse", () =>
      check({
        cell: new GruCell({
          inputSize: 3,
          hiddenSize: 5,
          seed: 2,
          resetAfter: false,
          gateOrder: 'zrn',
          updateGate: 'previous',
        }),
        shape: [2, 4, 3],
        reverse: true,
        mask,
        initialState: true,
      }));

    test('GRU with reset before, rzn, returnSequences false', () =>
      check({
        cell: new GruCell({ inputSize: 2, hiddenSize: 3, seed: 3, resetAfter: false }),
        shape: [2, 4, 2],
        returnSequences: false,
      }));

    test("GRU with reset after, zrn and 'previous', PyTorch layout, reverse", async () => {
      const weights = {
        kernel: tf.randomNormal([12, 3], 0, 0.5, 'float32', 3),
        recurrentKernel: tf.randomNormal([12, 4], 0, 0.5, 'float32', 4),
        bias: tf.randomNormal([12], 0, 0.5, 'float32', 5),
        recurrentBias: tf.randomNormal([12], 0, 0.5, 'float32', 6),
      };
      const cell = new GruCell({ weights, weightLayout: 'torch', gateOrder: 'zrn', updateGate: 'previous' });
      tf.dispose(Object.values(weights));
      await check({ cell, shape: [2, 4, 3], initialState: true, reverse: true, mask });
    });

    test('Elman tanh with a mask and an initial state', () =>
      check({
        cell: new ElmanCell({ inputSize: 3, hiddenSize: 4, seed: 4 }),
        shape: [2, 4, 3],
        mask,
        initialState: true,
      }));

    test('Elman relu, reverse, returnSequences false', () =>
      check({
        cell: new ElmanCell({ inputSize: 3, hiddenSize: 6, seed: 5, activation: 'relu' }),
        shape: [2, 4, 3],
        reverse: true,
        returnSequences: false,
        initialState: true,
      }));
  },
  { backends: ['wasm'] },
);
