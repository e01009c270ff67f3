import * as tf from '@tensorflow/tfjs-core';
import { describeEachBackend, expectNoLeakedTensors, expectTensorsClose } from '@baihua/core/testing';
import { expect, test } from 'vitest';
import { ElmanCell } from './elman-cell.js';

describeEachBackend('ElmanCell', () => {
  test('h_t = act(x W + h U + b), tanh by default, relu on request', async () => {
    const weights = {
      kernel: tf.tensor2d([[1, -2]]),
      recurrentKernel: tf.tensor2d([
        [0.5, 0],
        [0, 0.5],
      ]),
      bias: tf.tensor1d([0.1, 0.2]),
    };
    const x = tf.tensor2d([[0.3]]);
    const state = { hidden: tf.tensor2d([[1, -1]]) };
    const cells = [new ElmanCell({ weights }), new ElmanCell({ weights, activation: 'relu' })];
    const [tanh, relu] = cells.map((cell) => cell.step(x, state)) as [typeof state, typeof state];
    await expectTensorsClose(tanh.hidden, [[Math.tanh(0.3 + 0.5 + 0.1), Math.tanh(-0.6 - 0.5 + 0.2)]]);
    await expectTensorsClose(relu.hidden, [[0.9, 0]]);
    tf.dispose([tanh.hidden, relu.hidden, x, state.hidden, Object.values(weights)]);
    for (const cell of cells) cell.dispose();
  });

  test('parameters H(I+H+1); unknown activation names fail clearly; no leaks', async () => {
    const cell = new ElmanCell({ inputSize: 3, hiddenSize: 4 });
    expect(cell.countParams()).toBe(4 * 8);
    expect(cell.kind).toBe('elman');
    cell.dispose();
    expect(() => new ElmanCell({ inputSize: 3, hiddenSize: 4, activation: 'swishy' })).toThrow(
      /unknown activation 'swishy'/,
    );
    await expectNoLeakedTensors(() => {
      const c = new ElmanCell({ inputSize: 3, hiddenSize: 4, activation: (t) => tf.sin(t) });
      const x = tf.ones([1, 3]) as tf.Tensor2D;
      const zero = c.zeroState(1);
      const out = c.step(x, zero);
      c.dispose();
      return [x, zero, out];
    });
  });
});
