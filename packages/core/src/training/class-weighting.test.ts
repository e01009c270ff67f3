// Class weights: parsing with whole error messages, the classes read from labels, and the weighted
// loss and its gradient against the per-row formula mean_i w_class(i) loss_i written out in JS.
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, test, vi } from 'vitest';
import '../gradients/install.js';
import { useBackend } from '../backends/use-backend.js';
import type { LossFunction } from '../registry/loss-contract.js';
import { parseClassWeights, readClasses, weightedLoss } from './class-weighting.js';

/** Mean over all elements of (output - label)^2: for equal-width rows, the mean of the row means. */
const meanSquared: LossFunction = (labels, output) => tf.mean(tf.square(tf.sub(output, labels)));

const labels = [
  [1, 0],
  [0, 1],
  [1, 1],
  [0, 0],
  [0.5, 0.5],
];
const output = [
  [0.5, 0.25],
  [2, -1],
  [0, 1.5],
  [1, 1],
  [0.25, 0],
];

/** The reference: mean_i w_i mean_j (o_ij - l_ij)^2, and its gradient 2 w_i (o_ij - l_ij) / (N K). */
function reference(classes: number[], weights: Map<number, number>) {
  const n = classes.length;
  const w = classes.map((c) => weights.get(c) ?? 1);
  const rowLoss = output.map((row, i) => row.reduce((s, o, j) => s + (o - (labels[i]?.[j] ?? 0)) ** 2, 0) / 2);
  const loss = rowLoss.reduce((s, l, i) => s + (w[i] ?? 0) * l, 0) / n;
  const gradient = output.map((row, i) => row.map((o, j) => (2 * (w[i] ?? 0) * (o - (labels[i]?.[j] ?? 0))) / (n * 2)));
  return { loss, gradient };
}

describe('class weighting (cpu)', () => {
  beforeAll(async () => {
    await useBackend('cpu');
  });

  test('parseClassWeights: arrays and records by class index; whole messages for bad ones', () => {
    expect([...parseClassWeights('fit', [1, 0.5, 0])]).toEqual([
      [0, 1],
      [1, 0.5],
      [2, 0],
    ]);
    expect([...parseClassWeights('fit', { 3: 2, 10: 0.25 })]).toEqual([
      [3, 2],
      [10, 0.25],
    ]);
    expect(() => parseClassWeights('fit', null as never)).toThrow(
      'fit: expected classWeights to be an array or an object, got object',
    );
    expect(() => parseClassWeights('evaluate', 3 as never)).toThrow(
      'evaluate: expected classWeights to be an array or an object, got number',
    );
    for (const key of ['1.5', '-1', 'x1', '1x'])
      expect(() => parseClassWeights('fit', { [key]: 1 } as never)).toThrow(
        `fit: expected classWeights keys to be class indices, got '${key}'`,
      );
    expect(() => parseClassWeights('fit', { 1: -0.5 })).toThrow('fit: expected classWeights[1] >= 0, got -0.5');
    expect(() => parseClassWeights('fit', [1, Number.NaN])).toThrow(/^fit: expected classWeights\[1\] /);
  });

  test('readClasses: the argmax of one-hot rows, the values of index labels; frees what it made', async () => {
    const oneHot = tf.tensor2d([0, 0, 1, 1, 0, 0, 0, 1, 0], [3, 3]);
    const indices = tf.tensor1d([2, 0, 1], 'int32');
    const before = tf.memory().numTensors;
    expect(await readClasses(oneHot)).toEqual([2, 0, 1]);
    expect(await readClasses(indices)).toEqual([2, 0, 1]);
    expect(tf.memory().numTensors).toBe(before);
    expect(indices.isDisposed).toBe(false);
    tf.dispose([oneHot, indices]);
  });

  test('weightedLoss: value and gradient against mean_i w_class(i) loss_i', async () => {
    const y = tf.tensor2d(labels);
    const out = tf.tensor2d(output);
    const classes = [0, 1, 0, 2, 1];
    const weights = new Map([
      [0, 2],
      [1, 0.5],
    ]); // class 2 unlisted: weight 1
    const expected = reference(classes, weights);
    const { value, grad } = tf.valueAndGrad((o: tf.Tensor) =>
      weightedLoss(meanSquared, y, o, { fn: 'fit', classes, weights }),
    )(out);
    expect(value.shape).toEqual([]);
    expect((await value.data())[0]).toBeCloseTo(expected.loss, 6);
    const gradient = (await grad.array()) as number[][];
    gradient.forEach((row, i) => row.forEach((g, j) => expect(g).toBeCloseTo(expected.gradient[i]?.[j] ?? 0, 6)));
    tf.dispose([y, out, value, grad]);
  });

  test('weightedLoss: weight 0 drops a class; all weights 0 give 0; no weighting is the plain loss', async () => {
    const y = tf.tensor2d(labels);
    const out = tf.tensor2d(output);
    const classes = [1, 1, 0, 1, 0];
    const dropped = weightedLoss(meanSquared, y, out, { fn: 'fit', classes, weights: new Map([[1, 0]]) });
    expect((await dropped.data())[0]).toBeCloseTo(reference(classes, new Map([[1, 0]])).loss, 6);
    const none = weightedLoss(meanSquared, y, out, {
      fn: 'fit',
      classes,
      weights: new Map([
        [0, 0],
        [1, 0],
      ]),
    });
    expect(none.shape).toEqual([]);
    expect(Array.from(await none.data())).toEqual([0]);
    // Still a function of the output (a gradient of zeros), so a batch of weight-0 rows trains on.
    const zeroWeights = new Map([
      [0, 0],
      [1, 0],
    ]);
    const zeroGradient = tf.grad((o: tf.Tensor) =>
      weightedLoss(meanSquared, y, o, { fn: 'fit', classes, weights: zeroWeights }),
    )(out);
    expect(Array.from(await zeroGradient.data()).map((g) => g === 0)).toEqual(new Array(10).fill(true));
    zeroGradient.dispose();
    const plain = weightedLoss(meanSquared, y, out, undefined);
    expect((await plain.data())[0]).toBeCloseTo(reference(classes, new Map()).loss, 6);
    tf.dispose([y, out, dropped, none, plain]);
  });

  test('weightedLoss refuses labels of rank 3 even for an output [batch, classes]; nothing is computed', () => {
    const labels = tf.zeros([2, 1, 3]);
    const out = tf.zeros([2, 3]);
    const loss = vi.fn(meanSquared);
    const before = tf.memory().numTensors;
    expect(() => weightedLoss(loss, labels, out, { fn: 'evaluate', classes: [0, 1], weights: new Map() })).toThrow(
      'evaluate: expected classWeights only for one class per row (labels [batch], or [batch, classes] for an ' +
        'output [batch, classes]), got labels [2,1,3] for an output [2,3]: weigh each time step in the loss instead',
    );
    expect(loss).not.toHaveBeenCalled();
    expect(tf.memory().numTensors).toBe(before);
    tf.dispose([labels, out]);
  });

  test('weightedLoss on rank-3 outputs: the rows keep their inner shape', async () => {
    // One class per row ([2] labels) for an output [2, 2, 2]: a loss that compares every step with it.
    const y = tf.tensor1d([0, 1]);
    const out = tf.tensor3d([0, 0, 0, 1, 1, 1, 0, 0], [2, 2, 2]);
    const seen: number[][] = [];
    const loss: LossFunction = (l, o) => {
      seen.push(o.shape);
      return tf.mean(tf.square(tf.sub(o, tf.reshape(l, [-1, 1, 1]))));
    };
    const result = weightedLoss(loss, y, out, { fn: 'fit', classes: [0, 1], weights: new Map([[1, 3]]) });
    // Row 0: mean of 0, 0, 0, 1 = 0.25, weight 1; row 1: mean of 0, 0, 1, 1 = 0.5, weight 3.
    expect((await result.data())[0]).toBeCloseTo((0.25 + 3 * 0.5) / 2, 6);
    expect(seen).toEqual([
      [1, 2, 2],
      [1, 2, 2],
    ]);
    tf.dispose([y, out, result]);
  });
});
