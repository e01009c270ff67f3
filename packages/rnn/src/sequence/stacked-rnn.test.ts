import * as tf from '@tensorflow/tfjs-core';
import { describeEachBackend, expectNoLeakedTensors, expectTensorsClose } from '@baihua/core/testing';
import { expect, test } from 'vitest';
import { ElmanCell } from '../cells/elman-cell.js';
import { LstmCell } from '../cells/lstm-cell.js';
import { BidirectionalCells } from './bidirectional-cells.js';
import { runSequence } from './run-sequence.js';
import { StackedRnn } from './stacked-rnn.js';

describeEachBackend('StackedRnn', () => {
  test('layer 2 reads layer 1 outputs; one initial and final state per layer', async () => {
    const first = new LstmCell({ inputSize: 3, hiddenSize: 4, seed: 1 });
    const second = new ElmanCell({ inputSize: 4, hiddenSize: 2, seed: 2 });
    const stack = new StackedRnn([first, second]);
    expect(stack.outputSize).toBe(2);
    expect(stack.countParams()).toBe(first.countParams() + second.countParams());
    const x = tf.randomNormal([2, 5, 3], 0, 1, 'float32', 1);
    const h1 = tf.randomNormal([2, 4], 0, 1, 'float32', 2) as tf.Tensor2D;
    const c1 = tf.randomNormal([2, 4], 0, 1, 'float32', 3) as tf.Tensor2D;
    const h2 = tf.randomNormal([2, 2], 0, 1, 'float32', 4) as tf.Tensor2D;
    const result = runSequence(stack, x, { initialState: [{ hidden: h1, cell: c1 }, { hidden: h2 }] });
    const one = runSequence(first, x, { initialState: { hidden: h1, cell: c1 } });
    const two = runSequence(second, one.outputs, { initialState: { hidden: h2 } });
    await expectTensorsClose(result.outputs, two.outputs, { rtol: 0, atol: 0 });
    const states = result.finalState as [{ cell: tf.Tensor }, { hidden: tf.Tensor }];
    await expectTensorsClose(states[0].cell, one.finalState.cell, { rtol: 0, atol: 0 });
    await expectTensorsClose(states[1].hidden, two.finalState.hidden, { rtol: 0, atol: 0 });
    tf.dispose([result as never, one as never, two as never, x, h1, c1, h2]);
    stack.dispose();
  });

  test('stacks bidirectional layers and checks the size chain; leaks nothing', async () => {
    const bi = new BidirectionalCells({
      forward: new LstmCell({ inputSize: 3, hiddenSize: 2 }),
      backward: new LstmCell({ inputSize: 3, hiddenSize: 2 }),
    });
    const wrong = new LstmCell({ inputSize: 2, hiddenSize: 2 });
    expect(() => new StackedRnn([bi, wrong])).toThrow(
      /StackedRnn: expected layers\[1\] with inputSize 4 \(the previous layer's output size\), got 2/,
    );
    expect(() => new StackedRnn([])).toThrow(/StackedRnn: expected a non-empty array/);
    const stack = new StackedRnn([bi, new LstmCell({ inputSize: 4, hiddenSize: 3 })]);
    const x = tf.ones([2, 3, 3]);
    expect(() => runSequence(stack, x, { initialState: [] })).toThrow(
      /StackedRnn.run: expected initialState to be an array of 2 states/,
    );
    await expectNoLeakedTensors(() => {
      const result = runSequence(stack, x, { returnSequences: false });
      const gradients = tf.grads((xs: tf.Tensor) => tf.sum(runSequence(stack, xs).outputs))([x]);
      tf.dispose(result.finalState as never); // nested deeper than expectNoLeakedTensors looks
      return [result.outputs, gradients];
    });
    expect(stack.trainableWeights()).toHaveLength(9);
    x.dispose();
    stack.dispose();
    wrong.dispose();
  });
});
