import * as tf from '@tensorflow/tfjs-core';
import { describeEachBackend, expectNoLeakedTensors, expectTensorsClose } from '@baihua/core/testing';
import { expect, test } from 'vitest';
import { weightsByName } from '../../test/weights-by-name.js';
import { runSequence } from '../sequence/run-sequence.js';
import { LstmCell } from './lstm-cell.js';

describeEachBackend('LstmCell', () => {
  test('a standalone step equals a one-step runSequence, and the state is named', async () => {
    const cell = new LstmCell({ inputSize: 3, hiddenSize: 4, seed: 1 });
    const x = tf.randomNormal([2, 3], 0, 1, 'float32', 1) as tf.Tensor2D;
    const state = {
      hidden: tf.randomNormal([2, 4], 0, 1, 'float32', 2) as tf.Tensor2D,
      cell: tf.randomNormal([2, 4], 0, 1, 'float32', 3) as tf.Tensor2D,
    };
    const next = cell.step(x, state);
    expect(Object.keys(next).sort()).toEqual(['cell', 'hidden']);
    const run = runSequence(cell, tf.reshape(x, [2, 1, 3]), { initialState: state });
    await expectTensorsClose(next.hidden, run.finalState.hidden, { rtol: 0, atol: 0 });
    await expectTensorsClose(next.cell, run.finalState.cell, { rtol: 0, atol: 0 });
    tf.dispose([next as never, run as never, x, state as never]);
    cell.dispose();
  });

  test('creates its weights: keras layout, forget bias 1, 4H(I+H+1) parameters, all trainable variables', async () => {
    const cell = new LstmCell({ inputSize: 3, hiddenSize: 2 });
    const { kernel, recurrentKernel, bias } = weightsByName(cell);
    expect(kernel?.shape).toEqual([3, 8]);
    expect(recurrentKernel?.shape).toEqual([2, 8]);
    await expectTensorsClose(bias as tf.Tensor, [0, 0, 1, 1, 0, 0, 0, 0], { rtol: 0, atol: 0 });
    expect(cell.countParams()).toBe(8 * 6);
    expect(cell.trainableWeights()).toHaveLength(3);
    cell.dispose();
    expect(kernel?.isDisposed).toBe(true);
  });

  test('step rejects bad input before computing anything', () => {
    const cell = new LstmCell({ inputSize: 3, hiddenSize: 4 });
    const x = tf.ones([2, 3]) as tf.Tensor2D;
    const state = cell.zeroState(2);
    const before = tf.memory().numTensors;
    expect(() => cell.step(tf.ones([2, 1, 3]) as never, state)).toThrow(
      /LstmCell.step: expected x of rank 2, got rank 3 \(shape \[2,1,3\]\)/,
    );
    expect(() => cell.step(tf.ones([2, 5]) as tf.Tensor2D, state)).toThrow(
      /LstmCell.step: expected x of shape \[batch, 3\], got shape \[2,5\]/,
    );
    expect(() => cell.step(x, { hidden: state.hidden } as never)).toThrow(
      /^LstmCell.step: expected state.cell of shape \[2,4\], got undefined$/,
    );
    expect(() => cell.step(x, { hidden: state.hidden, cell: tf.zeros([2, 3]) as tf.Tensor2D })).toThrow(
      /^LstmCell.step: expected state.cell of shape \[2,4\], got shape \[2,3\]$/,
    );
    expect(tf.memory().numTensors - before).toBe(3); // only the three tensors the test itself made
    expect(() => new LstmCell({ inputSize: 0, hiddenSize: 4 })).toThrow(
      /LstmCell: expected inputSize to be a positive integer, got 0/,
    );
    expect(() => new LstmCell({ inputSize: 3 })).toThrow(
      /LstmCell: expected hiddenSize to be a positive integer, got undefined/,
    );
    expect(() => new LstmCell({ inputSize: 3, hiddenSize: 4, weightLayout: 'onnx' as never })).toThrow(
      /LstmCell: expected weightLayout to be 'keras' or 'torch', got "onnx"/,
    );
    tf.dispose([x, state as never]);
    cell.dispose();
  });

  test('leaves no tensors behind (step, zeroState, dispose)', async () => {
    await expectNoLeakedTensors(() => {
      const cell = new LstmCell({ inputSize: 3, hiddenSize: 4 });
      const x = tf.ones([2, 3]) as tf.Tensor2D;
      const zero = cell.zeroState(2);
      const next = cell.step(x, zero);
      cell.dispose();
      return [x, zero, next];
    });
  });
});
