import * as tf from '@tensorflow/tfjs-core';
import { describeEachBackend, expectNoLeakedTensors, expectTensorsClose } from '@baihua/core/testing';
import { expect, test } from 'vitest';
import { checkCellGradients } from '../../test/check-cell-gradients.js';
import { weightsByName } from '../../test/weights-by-name.js';
import { runSequence } from '../sequence/run-sequence.js';
import { LstmCell } from './lstm-cell.js';
import { PeepholeLstmCell } from './peephole-lstm-cell.js';

const sigmoid = (v: number) => 1 / (1 + Math.exp(-v));

/** One peephole step in float64, from the seed's formulas, keras layout, diagonal peepholes. */
function referenceStep(
  x: number[],
  h: number[],
  c: number[],
  w: number[][],
  u: number[][],
  b: number[],
  p: number[][],
) {
  const H = h.length;
  const pre = (gate: number, k: number) =>
    x.reduce((s, xv, i) => s + xv * (w[i] as number[])[gate * H + k]!, 0) +
    h.reduce((s, hv, j) => s + hv * (u[j] as number[])[gate * H + k]!, 0) +
    b[gate * H + k]!;
  const cell = c.map(
    (cv, k) => sigmoid(pre(1, k) + p[1]![k]! * cv) * cv + sigmoid(pre(0, k) + p[0]![k]! * cv) * Math.tanh(pre(2, k)),
  );
  const hidden = cell.map((cv, k) => sigmoid(pre(3, k) + p[2]![k]! * cv) * Math.tanh(cv));
  return { hidden, cell };
}

describeEachBackend('PeepholeLstmCell', () => {
  test('one step matches the seed formulas in float64 (output gate sees C_t)', async () => {
    const w = [
      [0.1, -0.2, 0.3, 0.05, -0.1, 0.2, 0.4, -0.3],
      [0.2, 0.1, -0.1, 0.3, 0.25, -0.15, 0.05, 0.1],
    ];
    const u = [
      [0.3, 0.1, -0.2, 0.2, 0.1, -0.3, 0.2, 0.05],
      [-0.1, 0.2, 0.1, -0.05, 0.3, 0.1, -0.2, 0.15],
    ];
    const b = [0.1, 0, 1, 0.5, -0.2, 0.1, 0, 0.3];
    const p = [
      [0.5, -0.4],
      [0.3, 0.2],
      [-0.6, 0.7],
    ];
    const x = [0.7, -1.2];
    const h = [0.2, -0.3];
    const c = [1.5, -0.8];
    const weights = {
      kernel: tf.tensor(w),
      recurrentKernel: tf.tensor(u),
      bias: tf.tensor(b),
      peepholeWeights: tf.tensor(p),
    };
    const cell = new PeepholeLstmCell({ weights });
    const state = { hidden: tf.tensor([h]), cell: tf.tensor([c]) };
    const next = cell.step(tf.tensor([x]) as tf.Tensor2D, state as { hidden: tf.Tensor2D; cell: tf.Tensor2D });
    const expected = referenceStep(x, h, c, w, u, b, p);
    await expectTensorsClose(next.hidden, [expected.hidden]);
    await expectTensorsClose(next.cell, [expected.cell]);
    tf.dispose([next, state, Object.values(weights)] as never);
    cell.dispose();
  });

  test('with every peephole weight zero it is exactly the LSTM (diagonal and full)', async () => {
    const lstm = new LstmCell({ inputSize: 3, hiddenSize: 4, seed: 5 });
    const x = tf.randomNormal([2, 6, 3], 0, 1, 'float32', 1);
    const expected = runSequence(lstm, x);
    for (const [peephole, shape] of [
      ['diagonal', [3, 4]],
      ['full', [4, 12]],
    ] as const) {
      const zeros = tf.zeros(shape as unknown as number[]);
      const cell = new PeepholeLstmCell({
        peephole,
        weights: { ...weightsByName(lstm), peepholeWeights: zeros } as never,
      });
      const actual = runSequence(cell, x);
      await expectTensorsClose(actual.outputs, expected.outputs, { rtol: 0, atol: 0 });
      await expectTensorsClose(actual.finalState.cell, expected.finalState.cell, { rtol: 0, atol: 0 });
      tf.dispose([actual as never, zeros]);
      cell.dispose();
    }
    tf.dispose([expected as never, x]);
    lstm.dispose();
  });

  test('counts parameters: 4H(I+H+1) + 3H diagonal, + 3H^2 full', () => {
    const diagonal = new PeepholeLstmCell({ inputSize: 3, hiddenSize: 4 });
    const full = new PeepholeLstmCell({ inputSize: 3, hiddenSize: 4, peephole: 'full' });
    expect(diagonal.countParams()).toBe(16 * 8 + 12);
    expect(full.countParams()).toBe(16 * 8 + 48);
    diagonal.dispose();
    full.dispose();
  });

  test('rejects a wrong peephole option or weight shape, and leaks nothing', async () => {
    expect(() => new PeepholeLstmCell({ inputSize: 3, hiddenSize: 4, peephole: 'half' as never })).toThrow(
      /PeepholeLstmCell: expected peephole to be 'diagonal' or 'full', got "half"/,
    );
    const lstm = new LstmCell({ inputSize: 3, hiddenSize: 4 });
    const wrong = tf.zeros([4, 3]);
    expect(
      () => new PeepholeLstmCell({ weights: { ...weightsByName(lstm), peepholeWeights: wrong } as never }),
    ).toThrow(
      /PeepholeLstmCell: expected weights.peepholeWeights of shape \[3,4\] \(keras layout.*\), got shape \[4,3\]/,
    );
    expect(() => new PeepholeLstmCell({ weights: weightsByName(lstm) as never })).toThrow(
      /expected weights.peepholeWeights to be given/,
    );
    const x = tf.ones([1, 4, 3]);
    await expectNoLeakedTensors(() => {
      const cell = new PeepholeLstmCell({ inputSize: 3, hiddenSize: 4, peephole: 'full' });
      const result = runSequence(cell, x, { reverse: true });
      const gradients = tf.grads((xs: tf.Tensor) => tf.sum(runSequence(cell, xs).outputs))([x]);
      cell.dispose();
      return [result, gradients];
    });
    tf.dispose([wrong, x]);
    lstm.dispose();
  });
});

describeEachBackend(
  'PeepholeLstmCell gradients',
  () => {
    for (const peephole of ['diagonal', 'full'] as const) {
      test(`${peephole} peepholes: gradients match finite differences (x, state, every weight)`, async () => {
        const template = new PeepholeLstmCell({ inputSize: 2, hiddenSize: 3, peephole, seed: 11 });
        const x = tf.randomNormal([2, 3, 2], 0, 1, 'float32', 2);
        const c0 = tf.randomNormal([2, 3], 0, 1, 'float32', 3);
        const h0 = tf.randomNormal([2, 3], 0, 0.5, 'float32', 4);
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
    }
  },
  // Finite differences check the math, not the backend: webgpu's values and gradients are covered
  // by the fixture, reduction and float64 tests; on SwiftShader each of the ~140 evaluations costs ~0.3 s.
  { backends: ['cpu', 'wasm'] },
);
