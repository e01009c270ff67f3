import * as tf from '@tensorflow/tfjs-core';
import { describeEachBackend, expectNoLeakedTensors, expectTensorsClose } from '@baihua/core/testing';
import { expect, test } from 'vitest';
import { GruCell } from '../cells/gru-cell.js';
import { LstmCell } from '../cells/lstm-cell.js';
import { BidirectionalCells } from './bidirectional-cells.js';
import { runSequence } from './run-sequence.js';

describeEachBackend('BidirectionalCells', () => {
  test('concat, sum, average and multiply merge the forward run and the aligned backward run', async () => {
    const forward = new LstmCell({ inputSize: 3, hiddenSize: 4, seed: 1 });
    const backward = new LstmCell({ inputSize: 3, hiddenSize: 4, seed: 2 });
    const x = tf.randomNormal([2, 5, 3], 0, 1, 'float32', 1);
    const f = runSequence(forward, x);
    const b = runSequence(backward, x, { reverse: true });
    const expected = {
      concat: tf.concat([f.outputs, b.outputs], -1),
      sum: tf.add(f.outputs, b.outputs),
      average: tf.div(tf.add(f.outputs, b.outputs), 2),
      multiply: tf.mul(f.outputs, b.outputs),
    };
    for (const merge of ['concat', 'sum', 'average', 'multiply'] as const) {
      const layer = new BidirectionalCells({ forward, backward, merge });
      expect(layer.outputSize).toBe(merge === 'concat' ? 8 : 4);
      const result = runSequence(layer, x);
      await expectTensorsClose(result.outputs, expected[merge], { rtol: 1e-6, atol: 1e-7 });
      await expectTensorsClose(result.finalState.backward.hidden, b.finalState.hidden, { rtol: 0, atol: 0 });
      tf.dispose(result as never);
    }
    tf.dispose([f as never, b as never, Object.values(expected), x]);
    forward.dispose();
    backward.dispose();
  });

  test('masked: each backward run starts at its last valid step; returnSequences false merges both ends', async () => {
    const layer = new BidirectionalCells({
      forward: new GruCell({ inputSize: 2, hiddenSize: 3, seed: 3 }),
      backward: new GruCell({ inputSize: 2, hiddenSize: 3, seed: 4 }),
    });
    const x = tf.randomNormal([2, 4, 2], 0, 1, 'float32', 2);
    const mask = tf.tensor2d([
      [1, 1, 1, 1],
      [1, 1, 0, 0],
    ]);
    const result = runSequence(layer, x, { mask });
    const alone = runSequence(layer, tf.slice(x, [1, 0, 0], [1, 2, 2]));
    await expectTensorsClose(tf.slice(result.outputs, [1, 0, 0], [1, 2, 6]), alone.outputs, { rtol: 0, atol: 0 });
    const ends = runSequence(layer, x, { returnSequences: false });
    const all = runSequence(layer, x);
    const expectedEnds = tf.concat(
      [tf.slice(all.outputs, [0, 3, 0], [2, 1, 3]), tf.slice(all.outputs, [0, 0, 3], [2, 1, 3])],
      -1,
    );
    await expectTensorsClose(ends.outputs, tf.reshape(expectedEnds, [2, 6]), { rtol: 0, atol: 0 });
    tf.dispose([result as never, alone as never, ends as never, all as never, expectedEnds, x, mask]);
    layer.dispose();
  });

  test('rejects mismatched directions and bad options; leaks nothing', async () => {
    const a = new LstmCell({ inputSize: 3, hiddenSize: 4 });
    const b = new LstmCell({ inputSize: 2, hiddenSize: 4 });
    const c = new LstmCell({ inputSize: 3, hiddenSize: 5 });
    expect(() => new BidirectionalCells({ forward: a, backward: b })).toThrow(
      /BidirectionalCells: expected forward and backward with the same inputSize, got 3 and 2/,
    );
    expect(() => new BidirectionalCells({ forward: a, backward: c, merge: 'sum' })).toThrow(
      /BidirectionalCells: expected forward and backward with the same output size for merge 'sum', got 4 and 5/,
    );
    expect(() => new BidirectionalCells({ forward: a, backward: a, merge: 'max' as never })).toThrow(
      /BidirectionalCells: expected merge to be one of 'concat', 'sum', 'average', 'multiply', got "max"/,
    );
    expect(() => new BidirectionalCells({ forward: a, backward: {} as never })).toThrow(
      /BidirectionalCells: expected backward to be a recurrent cell or a sequence layer/,
    );
    const layer = new BidirectionalCells({ forward: a, backward: c });
    const x = tf.ones([2, 3, 3]);
    expect(() => runSequence(layer, x, { reverse: true })).toThrow(/expected no reverse option/);
    await expectNoLeakedTensors(() => {
      const result = runSequence(layer, x);
      const gradients = tf.grads((xs: tf.Tensor) => tf.sum(runSequence(layer, xs).outputs))([x]);
      return [result, gradients];
    });
    expect(() =>
      runSequence(
        layer,
        tf.tidy(() => tf.ones([2, 3, 2])),
      ),
    ).toThrow(/runSequence: expected x of shape \[batch, time, 3\]/);
    x.dispose();
    layer.dispose();
    b.dispose();
  });
});
