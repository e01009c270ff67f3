// How a cell plans its weights: PyTorch's uniform ±1/sqrt(H) start in both layouts, which weights
// fit's L2 decay shrinks, biases only where asked, and each check of given weights naming the
// weight. Written to kill the mutants Stryker found surviving (see CONTRIBUTING.md).
import * as tf from '@tensorflow/tfjs-core';
import { describeEachBackend } from '@baihua/core/testing';
import { expect, test } from 'vitest';
import { ElmanCell } from './elman-cell.js';
import { GruCell } from './gru-cell.js';
import { LstmCell } from './lstm-cell.js';
import { PeepholeLstmCell } from './peephole-lstm-cell.js';

const largest = async (t: tf.Tensor): Promise<number> => Math.max(...Array.from(await t.data()).map(Math.abs));

describeEachBackend('cell weights', () => {
  test('default start: uniform in ±1/sqrt(H) in both layouts (I 8 != 4H 16), filling most of the range', async () => {
    for (const weightLayout of ['keras', 'torch'] as const) {
      const cell = new LstmCell({ inputSize: 8, hiddenSize: 4, weightLayout, seed: 3 });
      for (const name of ['kernel', 'recurrentKernel']) {
        const top = await largest(cell.weight(name).read());
        expect(top, `${weightLayout} ${name}`).toBeLessThanOrEqual(0.5 + 1e-6);
        expect(top, `${weightLayout} ${name}`).toBeGreaterThan(0.45);
      }
      cell.dispose();
    }
  });

  test('L2 decay applies to the kernels only; recurrentInitializer falls back to kernelInitializer', async () => {
    const cell = new PeepholeLstmCell({ inputSize: 2, hiddenSize: 3, recurrentBias: true });
    expect(cell.weights().map((w) => [w.name, w.regularize])).toEqual([
      ['kernel', true],
      ['recurrentKernel', true],
      ['bias', false],
      ['recurrentBias', false],
      ['peepholeWeights', false],
    ]);
    cell.dispose();
    const ones = new ElmanCell({ inputSize: 2, hiddenSize: 3, kernelInitializer: 'ones' });
    const split = new ElmanCell({
      inputSize: 2,
      hiddenSize: 3,
      kernelInitializer: 'ones',
      recurrentInitializer: 'zeros',
    });
    expect(Array.from(await ones.weight('recurrentKernel').read().data())).toEqual(new Array(9).fill(1));
    expect(Array.from(await split.weight('recurrentKernel').read().data())).toEqual(new Array(9).fill(0));
    expect(Array.from(await split.weight('kernel').read().data())).toEqual(new Array(6).fill(1));
    ones.dispose();
    split.dispose();
  });

  test('biases exist only where asked: useBias false, given weights without (recurrent) bias', () => {
    const kernel = tf.ones([2, 3]);
    const recurrentKernel = tf.ones([3, 3]);
    const bias = tf.ones([3]);
    const names = (cell: ElmanCell) => Object.keys(cell.weightVariables());
    const cells = [
      new ElmanCell({ inputSize: 2, hiddenSize: 3, useBias: false }),
      new ElmanCell({ weights: { kernel, recurrentKernel } }),
      new ElmanCell({ weights: { kernel, recurrentKernel, bias } }),
    ];
    expect(cells.map(names)).toEqual([
      ['kernel', 'recurrentKernel'],
      ['kernel', 'recurrentKernel'],
      ['kernel', 'recurrentKernel', 'bias'],
    ]);
    expect(cells.map((c) => c.countParams())).toEqual([15, 15, 18]);
    for (const cell of cells) expect(cell.weightVariables().kernel).toBe(cell.weight('kernel').read());
    for (const cell of cells) cell.dispose();
    tf.dispose([kernel, recurrentKernel, bias]);
  });

  test('given weights: each check names the weight; nothing leaks', () => {
    const kernel = tf.zeros([2, 16]);
    const recurrentKernel = tf.zeros([4, 16]);
    const narrow = tf.zeros([2, 12]);
    const row = tf.zeros([16]);
    const scalar = tf.scalar(0);
    const given = { kernel, recurrentKernel };
    const cases: [() => unknown, RegExp][] = [
      [
        () => new LstmCell({ weights: { ...given, kernal: kernel } as never }),
        /^LstmCell: unknown key 'kernal' in weights/,
      ],
      [
        () => new LstmCell({ weights: { recurrentKernel } as never }),
        /^LstmCell: expected weights.kernel to be a tf.Tensor, got undefined$/,
      ],
      [
        () => new LstmCell({ weights: { kernel } as never }),
        /^LstmCell: expected weights.recurrentKernel to be a tf.Tensor, got undefined$/,
      ],
      [
        () => new LstmCell({ weights: { ...given, kernel: row } }),
        /^LstmCell: expected weights.kernel of rank 2, got rank 1 \(shape \[16\]\)$/,
      ],
      [
        () => new LstmCell({ weights: { ...given, recurrentKernel: row } }),
        /^LstmCell: expected weights.recurrentKernel of rank 2, got rank 1 \(shape \[16\]\)$/,
      ],
      [
        () => new LstmCell({ weights: { ...given, kernel: narrow } }),
        new RegExp(
          '^LstmCell: expected weights.kernel of shape \\[2,16\\] \\(keras layout, 4 gate\\(s\\) x hidden 4\\), ' +
            'got shape \\[2,12\\]$',
        ),
      ],
      [
        () => new LstmCell({ weights: given, inputSize: 3 }),
        /^LstmCell: expected inputSize 3 to match weights.kernel \(inputSize 2\)$/,
      ],
      [
        () => new LstmCell({ weights: given, hiddenSize: 5 }),
        /^LstmCell: expected hiddenSize 5 to match weights.recurrentKernel \(hiddenSize 4\)$/,
      ],
      [
        () => new LstmCell({ weights: { ...given, bias: scalar } }),
        /^LstmCell: expected weights.bias of shape \[16\] \(keras layout, 4 gate\(s\) x hidden 4\), got shape \[\]$/,
      ],
      [
        () => new LstmCell({ weights: { ...given, bias: [1] as never } }),
        /^LstmCell: expected weights.bias to be a tf.Tensor, got an array$/,
      ],
      [
        () => new PeepholeLstmCell({ weights: { ...given, peepholeWeights: 'p' as never } }),
        /^PeepholeLstmCell: expected weights.peepholeWeights to be a tf.Tensor, got string$/,
      ],
    ];
    const before = tf.memory().numTensors;
    for (const [call, message] of cases) expect(call).toThrow(message);
    expect(tf.memory().numTensors).toBe(before);
    const fits = new LstmCell({ weights: given, inputSize: 2, hiddenSize: 4 });
    expect([fits.inputSize, fits.hiddenSize]).toEqual([2, 4]);
    fits.dispose();
    tf.dispose([kernel, recurrentKernel, narrow, row, scalar]);
  });

  test('GruCell gives its update bias to the update block of either gate order', async () => {
    const rzn = new GruCell({ inputSize: 1, hiddenSize: 2, updateBias: 2 });
    const zrn = new GruCell({ inputSize: 1, hiddenSize: 2, updateBias: 2, gateOrder: 'zrn' });
    expect(Array.from(await rzn.weight('bias').read().data())).toEqual([0, 0, 2, 2, 0, 0]);
    expect(Array.from(await zrn.weight('bias').read().data())).toEqual([2, 2, 0, 0, 0, 0]);
    rzn.dispose();
    zrn.dispose();
  });
});
