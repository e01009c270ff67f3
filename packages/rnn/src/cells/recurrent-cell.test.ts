// What every cell shares (isRecurrentCell, zeroState, apply's shape check, the default seed) and the
// torch layout's block slices of the recurrent kernel (GRU with resetAfter false). Written to kill
// the mutants Stryker found surviving (see CONTRIBUTING.md).
import * as tf from '@tensorflow/tfjs-core';
import { describeEachBackend, expectTensorsClose } from '@baihua/core/testing';
import { expect, test } from 'vitest';
import { ElmanCell } from './elman-cell.js';
import { GruCell } from './gru-cell.js';
import { isRecurrentCell } from './recurrent-cell.js';

describeEachBackend('recurrent cells: shared behaviour', () => {
  test('isRecurrentCell needs an object with stepProjected, projectInput and a stateNames array', () => {
    const cell = new ElmanCell({ inputSize: 1, hiddenSize: 1 });
    const f = () => undefined;
    const withAll = Object.assign(() => undefined, { stepProjected: f, projectInput: f, stateNames: [] });
    expect(isRecurrentCell(cell)).toBe(true);
    expect(isRecurrentCell({ stepProjected: f, projectInput: f, stateNames: ['hidden'] })).toBe(true);
    const others = [
      null,
      undefined,
      3,
      withAll,
      { projectInput: f, stateNames: [] },
      { stepProjected: f, stateNames: [] },
      { stepProjected: f, projectInput: f },
      { stepProjected: f, projectInput: f, stateNames: 'hidden' },
    ];
    for (const value of others) expect(isRecurrentCell(value), String(value)).toBe(false);
    cell.dispose();
  });

  test('zeroState and apply check their input, naming the cell', () => {
    const cell = new ElmanCell({ inputSize: 3, hiddenSize: 2 });
    const wrong = tf.zeros([1, 2, 5]);
    expect(() => cell.zeroState(0)).toThrow(/^ElmanCell.zeroState: expected batch to be a positive integer, got 0$/);
    expect(() => cell.apply(wrong)).toThrow(
      new RegExp(
        `^ElmanCell.apply: layer '${cell.name}' expected input of shape \\[batch, time, 3\\], got \\[1,2,5\\]$`,
      ),
    );
    expect(() => new ElmanCell({ inputSize: 1, hiddenSize: 1, activation: 'swishy' })).toThrow(/^ElmanCell: /);
    expect(() => new ElmanCell(undefined as never)).toThrow(/^ElmanCell: /);
    tf.dispose(wrong);
    cell.dispose();
  });

  test('cells without a seed start from seed 0: equal weights', async () => {
    const a = new GruCell({ inputSize: 2, hiddenSize: 3 });
    const b = new GruCell({ inputSize: 2, hiddenSize: 3 });
    const c = new GruCell({ inputSize: 2, hiddenSize: 3, seed: 0 });
    for (const name of ['kernel', 'recurrentKernel']) {
      await expectTensorsClose(a.weight(name).read(), b.weight(name).read(), { rtol: 0, atol: 0 });
      await expectTensorsClose(a.weight(name).read(), c.weight(name).read(), { rtol: 0, atol: 0 });
    }
    for (const cell of [a, b, c]) cell.dispose();
  });

  test("GRU resetAfter false with 'torch' weights equals 'keras' with the transposed weights", async () => {
    const kernel = tf.randomNormal([3, 6], 0, 1, 'float32', 5); // keras: [I, 3H], H = 2
    const recurrentKernel = tf.randomNormal([2, 6], 0, 1, 'float32', 6);
    const bias = tf.randomNormal([6], 0, 1, 'float32', 7);
    const torchWeights = { kernel: tf.transpose(kernel), recurrentKernel: tf.transpose(recurrentKernel), bias };
    const keras = new GruCell({ weights: { kernel, recurrentKernel, bias }, resetAfter: false });
    const torch = new GruCell({ weights: torchWeights, weightLayout: 'torch', resetAfter: false });
    const x = tf.randomNormal([2, 3], 0, 1, 'float32', 8) as tf.Tensor2D;
    const hidden = tf.randomNormal([2, 2], 0, 1, 'float32', 9) as tf.Tensor2D;
    const expected = keras.step(x, { hidden });
    const actual = torch.step(x, { hidden });
    await expectTensorsClose(actual.hidden, expected.hidden);
    tf.dispose([kernel, recurrentKernel, bias, torchWeights.kernel, torchWeights.recurrentKernel, x, hidden]);
    tf.dispose([expected.hidden, actual.hidden]);
    keras.dispose();
    torch.dispose();
  });
});
