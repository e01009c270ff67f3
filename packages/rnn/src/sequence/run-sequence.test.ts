import * as tf from '@tensorflow/tfjs-core';
import { describeEachBackend, expectNoLeakedTensors, expectTensorsClose } from '@baihua/core/testing';
import { expect, test } from 'vitest';
import { ElmanCell } from '../cells/elman-cell.js';
import { GruCell } from '../cells/gru-cell.js';
import { LstmCell } from '../cells/lstm-cell.js';
import { runSequence } from './run-sequence.js';

describeEachBackend('runSequence', () => {
  test('reverse: outputs aligned to input time (equal to running on the flipped sequence, flipped back)', async () => {
    const cell = new LstmCell({ inputSize: 3, hiddenSize: 4, seed: 2 });
    const x = tf.randomNormal([2, 5, 3], 0, 1, 'float32', 1);
    const reversed = runSequence(cell, x, { reverse: true });
    const flipped = runSequence(cell, tf.reverse(x, 1));
    const alignedBack = tf.reverse(flipped.outputs, 1);
    await expectTensorsClose(reversed.outputs, alignedBack, { rtol: 0, atol: 0 });
    await expectTensorsClose(reversed.finalState.cell, flipped.finalState.cell, { rtol: 0, atol: 0 });
    tf.dispose([reversed as never, flipped as never, alignedBack, x]);
    cell.dispose();
  });

  test('returnSequences false gives the last output, which is the final hidden state', async () => {
    const cell = new GruCell({ inputSize: 3, hiddenSize: 4, seed: 3 });
    const x = tf.randomNormal([2, 5, 3], 0, 1, 'float32', 2);
    const all = runSequence(cell, x);
    const last = runSequence(cell, x, { returnSequences: false });
    expect(last.outputs.shape).toEqual([2, 4]);
    const lastStep = tf.squeeze(tf.slice(all.outputs, [0, 4, 0], [2, 1, 4]), [1]);
    await expectTensorsClose(last.outputs, lastStep, { rtol: 0, atol: 0 });
    await expectTensorsClose(last.finalState.hidden, lastStep, { rtol: 0, atol: 0 });
    tf.dispose([all as never, last as never, lastStep, x]);
    cell.dispose();
  });

  test('mask: a masked step keeps the state, outputs zeros; reversed, it starts at the last valid step', async () => {
    const cell = new LstmCell({ inputSize: 2, hiddenSize: 3, seed: 4 });
    const x = tf.randomNormal([2, 5, 2], 0, 1, 'float32', 3);
    const mask = tf.tensor2d(
      [
        [1, 1, 1, 1, 1],
        [1, 1, 1, 0, 0],
      ],
      [2, 5],
      'bool',
    );
    const short = tf.slice(x, [1, 0, 0], [1, 3, 2]); // the second sequence's three valid steps
    for (const reverse of [false, true]) {
      const masked = runSequence(cell, x, { mask, reverse });
      const alone = runSequence(cell, short, { reverse });
      const secondOutputs = tf.slice(masked.outputs, [1, 0, 0], [1, 3, 3]);
      await expectTensorsClose(secondOutputs, alone.outputs, { rtol: 0, atol: 0 });
      await expectTensorsClose(tf.slice(masked.outputs, [1, 3, 0], [1, 2, 3]), tf.zeros([1, 2, 3]), {
        rtol: 0,
        atol: 0,
      });
      await expectTensorsClose(tf.slice(masked.finalState.hidden, [1, 0], [1, 3]), alone.finalState.hidden, {
        rtol: 0,
        atol: 0,
      });
      await expectTensorsClose(tf.slice(masked.finalState.cell, [1, 0], [1, 3]), alone.finalState.cell, {
        rtol: 0,
        atol: 0,
      });
      const unmaskedFirst = runSequence(cell, tf.slice(x, [0, 0, 0], [1, 5, 2]), { reverse });
      await expectTensorsClose(tf.slice(masked.outputs, [0, 0, 0], [1, 5, 3]), unmaskedFirst.outputs, {
        rtol: 0,
        atol: 0,
      });
      tf.dispose([masked as never, alone as never, secondOutputs, unmaskedFirst as never]);
    }
    tf.dispose([x, mask, short]);
    cell.dispose();
  });

  test('float and int masks work like bool masks', async () => {
    const cell = new ElmanCell({ inputSize: 2, hiddenSize: 3, seed: 5 });
    const x = tf.randomNormal([2, 4, 2], 0, 1, 'float32', 4);
    const boolMask = tf.tensor2d(
      [
        [1, 1, 0, 0],
        [1, 1, 1, 0],
      ],
      [2, 4],
      'bool',
    );
    const intMask = tf.tensor2d(
      [
        [1, 1, 0, 0],
        [1, 1, 1, 0],
      ],
      [2, 4],
      'int32',
    );
    const a = runSequence(cell, x, { mask: boolMask });
    const b = runSequence(cell, x, { mask: intMask });
    await expectTensorsClose(a.outputs, b.outputs, { rtol: 0, atol: 0 });
    tf.dispose([a as never, b as never, x, boolMask, intMask]);
    cell.dispose();
  });

  test('rejects rank, feature, mask and state mismatches before creating any tensor', () => {
    const cell = new LstmCell({ inputSize: 3, hiddenSize: 4 });
    const x = tf.ones([2, 5, 3]);
    const made = [
      tf.ones([2, 3]),
      tf.ones([2, 5, 2]),
      tf.ones([2, 4]),
      tf.ones([2, 5, 1]),
      tf.zeros([2, 4]),
      tf.zeros([3, 4]),
      tf.tensor(new Array<string>(10).fill('a'), [2, 5], 'string'),
    ];
    const [flat, narrow, shortMask, deepMask, h, wrongBatch] = made as tf.Tensor[];
    const before = tf.memory().numTensors;
    expect(() => runSequence(cell, flat as tf.Tensor)).toThrow(
      /runSequence: expected x of rank 3, got rank 2 \(shape \[2,3\]\)/,
    );
    expect(() => runSequence(cell, narrow as tf.Tensor)).toThrow(
      /runSequence: expected x of shape \[batch, time, 3\] \(the cell's inputSize\), got shape \[2,5,2\]/,
    );
    expect(() => runSequence(cell, x, { mask: shortMask })).toThrow(
      /runSequence: expected mask of shape \[2,5\] \(x's batch and time\), got shape \[2,4\]/,
    );
    expect(() => runSequence(cell, x, { mask: deepMask })).toThrow(/runSequence: expected mask of rank 2, got rank 3/);
    expect(() => runSequence(cell, x, { mask: made[6] })).toThrow(
      /runSequence: expected mask of dtype bool or float32 or int32, got string/,
    );
    expect(() => runSequence(cell, x, { initialState: { hidden: h } as never })).toThrow(
      /runSequence: expected initialState.cell of shape \[2,4\], got undefined/,
    );
    expect(() => runSequence(cell, x, { initialState: { hidden: h, cell: wrongBatch } as never })).toThrow(
      /runSequence: expected initialState.cell of shape \[2,4\], got shape \[3,4\]/,
    );
    expect(() => runSequence({} as never, x)).toThrow(/runSequence: expected a recurrent cell or a sequence layer/);
    expect(tf.memory().numTensors).toBe(before);
    tf.dispose([x, ...made]);
    cell.dispose();
  });

  test('leaves no tensors behind, with gradients, mask and reverse', async () => {
    const cell = new LstmCell({ inputSize: 3, hiddenSize: 4 });
    const x = tf.ones([2, 4, 3]);
    const mask = tf.tensor2d([
      [1, 1, 1, 0],
      [1, 0, 0, 0],
    ]);
    await expectNoLeakedTensors(() => {
      const result = runSequence(cell, x, { mask, reverse: true, returnSequences: false });
      const gradients = tf.variableGrads(
        () => tf.sum(runSequence(cell, x, { mask }).outputs) as tf.Scalar,
        cell.trainableWeights().map((w) => w.read()),
      );
      return [result, gradients.value, Object.values(gradients.grads)];
    });
    tf.dispose([x, mask]);
    cell.dispose();
  });
});
