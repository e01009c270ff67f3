import { describeEachBackend } from '@baihua/core/testing';
import { expect, test } from 'vitest';
import { ElmanCell } from '../../cells/elman-cell.js';
import { GruCell } from '../../cells/gru-cell.js';
import { type ParityCase, expectFusedMatchesReference } from '../test/fused-parity-case.js';
import './register-webgpu-sequences.js';

const mask = [
  [1, 1, 0],
  [0, 1, 1],
];

async function check(given: ParityCase): Promise<void> {
  try {
    expect(await expectFusedMatchesReference(given)).toBe('webgpu-fused-sequence');
  } finally {
    given.cell.dispose();
  }
}

// Fused vs op-by-op on webgpu, loss and every gradient, rtol 2e-4 / atol 2e-5.
describeEachBackend(
  'webgpu fused GRU and Elman',
  () => {
    test('GRU, reset after (default), with an initial state', () =>
      check({ cell: new GruCell({ inputSize: 3, hiddenSize: 4, seed: 1 }), shape: [2, 3, 3], initialState: true }));

    test("GRU, reset after, Keras gate order, 'previous' update form, hardSigmoid, mask, reverse", () =>
      check({
        cell: new GruCell({
          inputSize: 3,
          hiddenSize: 4,
          seed: 2,
          gateOrder: 'zrn',
          updateGate: 'previous',
          recurrentActivation: 'hardSigmoid',
        }),
        shape: [2, 3, 3],
        mask,
        reverse: true,
      }));

    test('GRU, reset before, with an initial state and a mask', () =>
      check({
        cell: new GruCell({ inputSize: 3, hiddenSize: 4, seed: 3, resetAfter: false }),
        shape: [2, 3, 3],
        initialState: true,
        mask,
      }));

    test('GRU, reset before, Keras order, a recurrent bias, reverse, returnSequences false', () =>
      check({
        cell: new GruCell({
          inputSize: 3,
          hiddenSize: 4,
          seed: 4,
          resetAfter: false,
          gateOrder: 'zrn',
          recurrentBias: true,
        }),
        shape: [2, 3, 3],
        reverse: true,
        returnSequences: false,
      }));

    test('GRU, reset before, at H 65 (three workgroups)', () =>
      check({ cell: new GruCell({ inputSize: 2, hiddenSize: 65, seed: 5, resetAfter: false }), shape: [2, 2, 2] }));

    test('Elman tanh with an initial state; Elman relu masked and reversed', async () => {
      await check({
        cell: new ElmanCell({ inputSize: 3, hiddenSize: 4, seed: 6 }),
        shape: [2, 3, 3],
        initialState: true,
      });
      await check({
        cell: new ElmanCell({ inputSize: 3, hiddenSize: 4, seed: 7, activation: 'relu' }),
        shape: [2, 3, 3],
        mask,
        reverse: true,
      });
    });
  },
  { backends: ['webgpu'] },
);
