import * as tf from '@tensorflow/tfjs-core';
import { ArgumentError, ShapeError } from '@baihua/core';
import { describeEachBackend, expectNoLeakedTensors } from '@baihua/core/testing';
import { expect, test } from 'vitest';
import { GruCell } from '../cells/gru-cell.js';
import { LstmCell } from '../cells/lstm-cell.js';
import { BidirectionalCells } from './bidirectional-cells.js';
import { runSequence } from './run-sequence.js';
import { StackedRnn } from './stacked-rnn.js';

/** The error `call` throws (the test fails when it throws none). */
function thrown(call: () => unknown): Error {
  try {
    call();
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected the call to throw');
}

describeEachBackend(
  'one state check: cell.step, runSequence, BidirectionalCells and StackedRnn',
  () => {
    test('a missing or mis-shaped state is the same ShapeError with the same message on every path', () => {
      const cell = new LstmCell({ inputSize: 3, hiddenSize: 4 });
      const x = tf.ones([2, 3]) as tf.Tensor2D;
      const xs = tf.ones([2, 5, 3]);
      const hidden = tf.zeros([2, 4]) as tf.Tensor2D;
      const narrow = tf.zeros([2, 3]) as tf.Tensor2D;
      const missing = [
        thrown(() => cell.step(x, { hidden } as never)),
        thrown(() => runSequence(cell, xs, { initialState: { hidden } as never })),
      ];
      for (const error of missing) {
        expect(error).toBeInstanceOf(ShapeError);
        expect(ShapeError.isInstance(error)).toBe(true);
        expect(error).not.toBeInstanceOf(ArgumentError);
      }
      expect(missing.map((e) => e.message)).toEqual([
        'LstmCell.step: expected state.cell of shape [2,4], got undefined',
        'runSequence: expected initialState.cell of shape [2,4], got undefined',
      ]);
      const wrongShape = [
        thrown(() => cell.step(x, { hidden, cell: narrow })),
        thrown(() => runSequence(cell, xs, { initialState: { hidden, cell: narrow } })),
      ];
      expect(wrongShape.every((e) => e instanceof ShapeError)).toBe(true);
      expect(wrongShape.map((e) => e.message)).toEqual([
        'LstmCell.step: expected state.cell of shape [2,4], got shape [2,3]',
        'runSequence: expected initialState.cell of shape [2,4], got shape [2,3]',
      ]);
      expect(thrown(() => runSequence(cell, xs, { initialState: hidden as never })).message).toBe(
        'runSequence: expected initialState to be { hidden, cell }, got a tensor of shape [2,4]',
      );
      tf.dispose([x, xs, hidden, narrow]);
      cell.dispose();
    });

    test('BidirectionalCells and StackedRnn check nested states with the same function, before running', async () => {
      const gru = () => new GruCell({ inputSize: 3, hiddenSize: 2 });
      const bi = new BidirectionalCells({ forward: gru(), backward: gru() });
      const stack = new StackedRnn([bi, new GruCell({ inputSize: 4, hiddenSize: 2 })]);
      const xs = tf.ones([2, 5, 3]);
      const h = tf.zeros([2, 2]) as tf.Tensor2D;
      const h3 = tf.zeros([3, 2]) as tf.Tensor2D;
      const cases: [() => unknown, string][] = [
        [
          () => runSequence(bi, xs, { initialState: { forward: { hidden: h } } as never }),
          'BidirectionalCells.run: expected initialState.backward to be { hidden }, got undefined',
        ],
        [
          () => runSequence(bi, xs, { initialState: { forward: { hidden: h }, backward: { hidden: h3 } } }),
          'BidirectionalCells.run: expected initialState.backward.hidden of shape [2,2], got shape [3,2]',
        ],
        [
          () => runSequence(stack, xs, { initialState: [{ forward: { hidden: h }, backward: { hidden: h } }] }),
          'StackedRnn.run: expected initialState to be an array of 2 states (one per layer), got an array of 1',
        ],
        [
          () =>
            runSequence(stack, xs, {
              initialState: [{ forward: { hidden: h }, backward: { hidden: h } }, { hidden: h3 }],
            }),
          'StackedRnn.run: expected initialState[1].hidden of shape [2,2], got shape [3,2]',
        ],
      ];
      await expectNoLeakedTensors(() => {
        for (let k = 0; k < 100; k++) {
          for (const [call, message] of cases) {
            const error = thrown(call);
            expect(error).toBeInstanceOf(ShapeError);
            expect(error.message).toBe(message);
          }
        }
        return [];
      });
      tf.dispose([xs, h, h3]);
      stack.dispose();
    });
  },
  // The checks run before any tensor op: one backend shows them.
  { backends: ['cpu'] },
);
