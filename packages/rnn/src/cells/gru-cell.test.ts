import * as tf from '@tensorflow/tfjs-core';
import { describeEachBackend, expectNoLeakedTensors, expectTensorsClose } from '@baihua/core/testing';
import { expect, test } from 'vitest';
import { checkCellGradients } from '../../test/check-cell-gradients.js';
import { runSequence } from '../sequence/run-sequence.js';
import { GruCell } from './gru-cell.js';
import { loadTorchFixture } from '@baihua/test-fixtures';

const sigmoid = (v: number) => 1 / (1 + Math.exp(-v));

describeEachBackend('GruCell', () => {
  test("the seed's h = (1-z) h_prev + z h~ is PyTorch's GRU with the update gate's weights negated", async () => {
    const fixture = loadTorchFixture('recurrent', 'gru_resetAfter');
    const specs = fixture.get('params') as Record<string, { shape: number[]; data: number[] }>;
    // PyTorch rows are [r, z, n] blocks of H = 4: negate rows 4..7 (z) of every weight and bias.
    const negateZ = (name: string) => {
      const { shape, data } = specs[name] as { shape: number[]; data: number[] };
      const width = shape.length === 2 ? (shape[1] as number) : 1;
      return tf.tensor(
        data.map((v, i) => (Math.floor(i / width) >= 4 && Math.floor(i / width) < 8 ? -v : v)),
        shape,
      );
    };
    const weights = {
      kernel: negateZ('weight_ih_l0'),
      recurrentKernel: negateZ('weight_hh_l0'),
      bias: negateZ('bias_ih_l0'),
      recurrentBias: negateZ('bias_hh_l0'),
    };
    // Defaults: resetAfter, order r z n, updateGate 'new' (the seed's).
    const cell = new GruCell({ weights, weightLayout: 'torch' });
    const x = fixture.tensor('x');
    const h0 = fixture.tensor('h0') as tf.Tensor2D;
    const result = runSequence(cell, x, { initialState: { hidden: h0 } });
    await expectTensorsClose(result.outputs, fixture.spec('y'));
    await expectTensorsClose(result.finalState.hidden, fixture.spec('hN'));
    tf.dispose([result as never, x, h0, Object.values(weights)]);
    cell.dispose();
  });

  test('resetAfter false is the seed/Cho candidate h~ = tanh(W_x x + U (r * h)), checked in float64', async () => {
    // inputSize 1, hidden 1, keras layout, order r z n, no biases.
    const [wr, wz, wn, ur, uz, un] = [0.5, -0.3, 0.8, 0.4, 0.2, -0.7];
    const x = 0.9;
    const h = -0.6;
    const r = sigmoid(wr * x + ur * h);
    const z = sigmoid(wz * x + uz * h);
    const candidate = Math.tanh(wn * x + un * (r * h));
    const expected = (1 - z) * h + z * candidate;
    const weights = { kernel: tf.tensor2d([[wr, wz, wn]]), recurrentKernel: tf.tensor2d([[ur, uz, un]]) };
    const cell = new GruCell({ weights, resetAfter: false });
    const next = cell.step(tf.tensor2d([[x]]), { hidden: tf.tensor2d([[h]]) });
    await expectTensorsClose(next.hidden, [[expected]]);
    const after = new GruCell({ weights, resetAfter: true });
    const nextAfter = after.step(tf.tensor2d([[x]]), { hidden: tf.tensor2d([[h]]) });
    const expectedAfter = (1 - z) * h + z * Math.tanh(wn * x + r * (un * h));
    await expectTensorsClose(nextAfter.hidden, [[expectedAfter]]);
    tf.dispose([next.hidden, nextAfter.hidden, Object.values(weights)]);
    cell.dispose();
    after.dispose();
  });

  test('counts parameters and rejects bad options, leaking nothing', async () => {
    const after = new GruCell({ inputSize: 3, hiddenSize: 4 });
    const before = new GruCell({ inputSize: 3, hiddenSize: 4, resetAfter: false });
    expect(after.countParams()).toBe(12 * (3 + 4 + 2));
    expect(before.countParams()).toBe(12 * (3 + 4 + 1));
    expect(() => new GruCell({ inputSize: 3, hiddenSize: 4, gateOrder: 'nzr' as never })).toThrow(
      /GruCell: expected gateOrder to be one of 'rzn', 'zrn', got "nzr"/,
    );
    expect(() => new GruCell({ inputSize: 3, hiddenSize: 4, updateGate: 'old' as never })).toThrow(
      /GruCell: expected updateGate to be one of 'new', 'previous'/,
    );
    const x = tf.ones([2, 3, 3]);
    await expectNoLeakedTensors(() => {
      const result = runSequence(before, x, { reverse: true, returnSequences: false });
      const gradients = tf.grads((xs: tf.Tensor) => tf.sum(runSequence(before, xs).outputs))([x]);
      return [result, gradients];
    });
    x.dispose();
    after.dispose();
    before.dispose();
  });
});

describeEachBackend(
  'GruCell gradients',
  () => {
    for (const resetAfter of [false, true]) {
      test(`resetAfter ${resetAfter}: gradients match finite differences (x, state, every weight)`, async () => {
        const template = new GruCell({ inputSize: 2, hiddenSize: 3, seed: 2, resetAfter, gateOrder: 'zrn' });
        const x = tf.randomNormal([2, 3, 2], 0, 1, 'float32', 9);
        const h0 = tf.randomNormal([2, 3], 0, 0.5, 'float32', 10);
        await checkCellGradients(
          template,
          (xs, hs) => runSequence(template, xs as tf.Tensor, { initialState: { hidden: hs as tf.Tensor2D } }).outputs,
          [x, h0],
          { maxElementsPerInput: 10 },
        );
        tf.dispose([x, h0]);
        template.dispose();
      });
    }
  },
  // Finite differences check the math; webgpu values are covered by the fixture and float64 tests.
  { backends: ['cpu', 'wasm'] },
);
