// Each gated cell's own options (kinds, accepted keys, finite biases, errors naming the cell, the
// coupled cell's forget block) and full peepholes against the seed's formulas in float64, in both
// layouts. Written to kill the mutants Stryker found surviving (see CONTRIBUTING.md).
import * as tf from '@tensorflow/tfjs-core';
import { describeEachBackend, expectTensorsClose } from '@baihua/core/testing';
import { expect, test } from 'vitest';
import { CoupledLstmCell } from './coupled-lstm-cell.js';
import { ElmanCell } from './elman-cell.js';
import { GruCell } from './gru-cell.js';
import { LstmCell } from './lstm-cell.js';
import { PeepholeLstmCell } from './peephole-lstm-cell.js';

const sigmoid = (v: number) => 1 / (1 + Math.exp(-v));

describeEachBackend('cell options', () => {
  test('kinds, every documented key accepted, finite biases and bad names reported by the cell', () => {
    const sizes = { inputSize: 1, hiddenSize: 1 };
    const hard = 'hardSigmoid' as const;
    const cells = [
      new ElmanCell(sizes),
      new LstmCell({ ...sizes, forgetBias: 2, recurrentActivation: hard }),
      new PeepholeLstmCell({ ...sizes, forgetBias: 2, peephole: 'full', peepholeInitializer: 'zeros' }),
      new CoupledLstmCell({ ...sizes, forgetBias: 2, recurrentActivation: hard }),
      new GruCell({ ...sizes, resetAfter: false, gateOrder: 'zrn', updateGate: 'previous', updateBias: 1 }),
    ];
    expect(cells.map((c) => c.kind)).toEqual(['elman', 'lstm', 'peephole-lstm', 'coupled-lstm', 'gru']);
    for (const cell of cells) cell.dispose();
    const cases: [() => unknown, RegExp][] = [
      [() => new LstmCell({ ...sizes, forgetBias: Number.NaN }), /^LstmCell: expected forgetBias to be a finite/],
      [
        () => new CoupledLstmCell({ ...sizes, forgetBias: Number.NaN }),
        /^CoupledLstmCell: expected forgetBias to be a finite/,
      ],
      [() => new GruCell({ ...sizes, updateBias: Number.NaN }), /^GruCell: expected updateBias to be a finite/],
      [
        () => new CoupledLstmCell({ ...sizes, recurrentActivation: 'relu' as never }),
        /^CoupledLstmCell: expected recurrentActivation to be one of/,
      ],
      [
        () => new GruCell({ ...sizes, recurrentActivation: 'relu' as never }),
        /^GruCell: expected recurrentActivation to be one of/,
      ],
      [() => new GruCell({ ...sizes, reset: true } as never), /^GruCell: unknown key 'reset' in options/],
    ];
    for (const [call, message] of cases) expect(call).toThrow(message);
  });

  test('CoupledLstmCell starts its forget block (the first) at forgetBias', async () => {
    const cell = new CoupledLstmCell({ inputSize: 1, hiddenSize: 2, forgetBias: 2 });
    expect(Array.from(await cell.weight('bias').read().data())).toEqual([2, 2, 0, 0, 0, 0]);
    cell.dispose();
  });

  test('full peepholes: one step matches the seed formulas in float64, keras and torch layouts', async () => {
    const [I, H] = [2, 2];
    const value = (seed: number, i: number) => Math.sin(seed * 7.3 + i * 1.7) * 0.6;
    const matrix = (rows: number, columns: number, seed: number) =>
      Array.from({ length: rows }, (_, r) => Array.from({ length: columns }, (_, c) => value(seed, r * columns + c)));
    const w = matrix(I, 4 * H, 1);
    const u = matrix(H, 4 * H, 2);
    const b = (matrix(1, 4 * H, 3)[0] as number[]).map((v) => v * 0.5);
    const p = matrix(H, 3 * H, 4); // keras: [H, 3H], blocks i, f, o
    const [x, h, c] = [
      [0.7, -1.2],
      [0.2, -0.3],
      [1.5, -0.8],
    ] as [number[], number[], number[]];
    const pre = (gate: number, k: number) =>
      x.reduce((s, v, i) => s + v * (w[i] as number[])[gate * H + k]!, 0) +
      h.reduce((s, v, j) => s + v * (u[j] as number[])[gate * H + k]!, 0) +
      b[gate * H + k]!;
    const peep = (block: number, k: number, state: number[]) =>
      state.reduce((s, v, j) => s + v * (p[j] as number[])[block * H + k]!, 0);
    const cell = c.map(
      (v, k) => sigmoid(pre(1, k) + peep(1, k, c)) * v + sigmoid(pre(0, k) + peep(0, k, c)) * Math.tanh(pre(2, k)),
    );
    const hidden = cell.map((v, k) => sigmoid(pre(3, k) + peep(2, k, cell)) * Math.tanh(v));
    const keras = {
      kernel: tf.tensor(w),
      recurrentKernel: tf.tensor(u),
      bias: tf.tensor(b),
      peepholeWeights: tf.tensor(p),
    };
    const torch = {
      kernel: tf.transpose(keras.kernel),
      recurrentKernel: tf.transpose(keras.recurrentKernel),
      bias: keras.bias,
      peepholeWeights: tf.transpose(keras.peepholeWeights),
    };
    for (const [weightLayout, weights] of [
      ['keras', keras],
      ['torch', torch],
    ] as const) {
      const layer = new PeepholeLstmCell({ peephole: 'full', weightLayout, weights });
      const state = { hidden: tf.tensor2d([h]), cell: tf.tensor2d([c]) };
      const input = tf.tensor2d([x]);
      const next = layer.step(input, state);
      await expectTensorsClose(next.hidden, [hidden]);
      await expectTensorsClose(next.cell, [cell]);
      tf.dispose([next.hidden, next.cell, state.hidden, state.cell, input]);
      layer.dispose();
    }
    tf.dispose([Object.values(keras), torch.kernel, torch.recurrentKernel, torch.peepholeWeights]);
  });
});
