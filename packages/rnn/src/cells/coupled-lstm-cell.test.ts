import * as tf from '@tensorflow/tfjs-core';
import { describeEachBackend, expectNoLeakedTensors, expectTensorsClose } from '@baihua/core/testing';
import { expect, test } from 'vitest';
import { checkCellGradients } from '../../test/check-cell-gradients.js';
import { weightsByName } from '../../test/weights-by-name.js';
import { runSequence } from '../sequence/run-sequence.js';
import { CoupledLstmCell } from './coupled-lstm-cell.js';
import { LstmCell } from './lstm-cell.js';

describeEachBackend('CoupledLstmCell', () => {
  test('equals an LSTM whose input gate is 1 - f (input-gate weights = negated forget-gate weights)', async () => {
    const coupled = new CoupledLstmCell({ inputSize: 3, hiddenSize: 4, seed: 9, recurrentBias: true });
    const { kernel, recurrentKernel, bias, recurrentBias } = weightsByName(coupled) as Record<string, tf.Tensor>;
    // Coupled blocks: f, g, o. LSTM blocks: i, f, g, o with i = -f.
    const widen = (t: tf.Tensor, axis: number) => {
      const [f, g, o] = tf.split(t, 3, axis);
      return tf.concat([tf.neg(f as tf.Tensor), f as tf.Tensor, g as tf.Tensor, o as tf.Tensor], axis);
    };
    const lstmWeights = {
      kernel: widen(kernel as tf.Tensor, 1),
      recurrentKernel: widen(recurrentKernel as tf.Tensor, 1),
      bias: widen(bias as tf.Tensor, 0),
      recurrentBias: widen(recurrentBias as tf.Tensor, 0),
    };
    const lstm = new LstmCell({ weights: lstmWeights });
    const x = tf.randomNormal([2, 7, 3], 0, 1, 'float32', 3);
    const initialState = {
      hidden: tf.randomNormal([2, 4], 0, 0.5, 'float32', 4) as tf.Tensor2D,
      cell: tf.randomNormal([2, 4], 0, 1, 'float32', 5) as tf.Tensor2D,
    };
    const expected = runSequence(lstm, x, { initialState });
    const actual = runSequence(coupled, x, { initialState });
    // sigma(-a) and 1 - sigma(a) differ by float32 rounding only.
    await expectTensorsClose(actual.outputs, expected.outputs, { rtol: 1e-5, atol: 1e-6 });
    await expectTensorsClose(actual.finalState.cell, expected.finalState.cell, { rtol: 1e-5, atol: 1e-6 });
    tf.dispose([expected as never, actual as never, x, initialState as never, Object.values(lstmWeights)]);
    coupled.dispose();
    lstm.dispose();
  });

  test('has 3 gate blocks: parameters 3H(I+H+1), 75% of the LSTM', () => {
    const coupled = new CoupledLstmCell({ inputSize: 8, hiddenSize: 8 });
    const lstm = new LstmCell({ inputSize: 8, hiddenSize: 8 });
    expect(coupled.countParams()).toBe(3 * 8 * 17);
    expect(coupled.countParams() / lstm.countParams()).toBe(0.75);
    coupled.dispose();
    lstm.dispose();
  });

  test('rejects mismatched weights and leaks nothing', async () => {
    const lstm = new LstmCell({ inputSize: 3, hiddenSize: 4 });
    expect(() => new CoupledLstmCell({ weights: weightsByName(lstm) as never })).toThrow(
      new RegExp(
        'CoupledLstmCell: expected weights.recurrentKernel of shape \\[4,12\\] ' +
          '\\(keras layout, 3 gate\\(s\\) x hidden 4\\), got shape \\[4,16\\]',
      ),
    );
    lstm.dispose();
    const x = tf.ones([2, 3, 3]);
    const mask = tf.tensor2d([
      [1, 1, 0],
      [1, 0, 0],
    ]);
    await expectNoLeakedTensors(() => {
      const cell = new CoupledLstmCell({ inputSize: 3, hiddenSize: 4 });
      const result = runSequence(cell, x, { mask });
      const gradients = tf.grads((xs: tf.Tensor) => tf.sum(runSequence(cell, xs).outputs))([x]);
      cell.dispose();
      return [result, gradients];
    });
    tf.dispose([x, mask]);
  });
});

describeEachBackend(
  'CoupledLstmCell gradients',
  () => {
    test('match finite differences (x, state, every weight)', async () => {
      const template = new CoupledLstmCell({ inputSize: 2, hiddenSize: 3, seed: 4, recurrentBias: true });
      const x = tf.randomNormal([2, 3, 2], 0, 1, 'float32', 6);
      const c0 = tf.randomNormal([2, 3], 0, 1, 'float32', 7);
      const h0 = tf.randomNormal([2, 3], 0, 0.5, 'float32', 8);
      await checkCellGradients(
        template,
        (xs, cs, hs) => {
          const run = runSequence(template, xs as tf.Tensor, {
            initialState: { hidden: hs as tf.Tensor2D, cell: cs as tf.Tensor2D },
          });
          return tf.concat([tf.reshape(run.outputs, [-1]), tf.reshape(run.finalState.cell, [-1])]);
        },
        [x, c0, h0],
        { maxElementsPerInput: 10 },
      );
      tf.dispose([x, c0, h0]);
      template.dispose();
    });
  },
  // Finite differences check the math: webgpu's values are covered by the reduction test above;
  // on SwiftShader each of the ~140 evaluations costs ~0.3 s.
  { backends: ['cpu', 'wasm'] },
);
