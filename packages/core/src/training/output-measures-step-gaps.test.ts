// What a step or an evaluation measures, case by case (survivors of the training-step mutation part):
// which outputs report accuracy, the layout's names and kinds, the weighted total against sums by
// hand (one output of weight 2 too, not only 1), the measured vector's order, and per-row figures.
import * as tf from '@tensorflow/tfjs-core';
import { expect, test } from 'vitest';
import type { LossFunction } from '../registry/loss-contract.js';
import { describeEachBackend } from '../testing.js';
import type { OutputLosses } from './output-losses.js';
import { accuracyKinds, figuresFromSums, measuredValues, measureLayout, outputLossTerms } from './output-measures.js';

const mse: LossFunction = (labels, predictions) => tf.mean(tf.square(tf.sub(predictions, labels)));
const meanOfIndices: LossFunction = Object.assign(
  (labels: tf.Tensor, logits: tf.Tensor) =>
    tf.add(tf.mean(logits), tf.mul(tf.mean(tf.cast(labels, 'float32')), 0)) as tf.Scalar,
  { accuracyKind: 'categorical' as const },
);
const binary: LossFunction = Object.assign((labels: tf.Tensor, logits: tf.Tensor) => mse(labels, logits), {
  accuracyKind: 'binary' as const,
});

const plan = (losses: LossFunction[], weights: number[], names?: string[]): OutputLosses => ({
  losses,
  weights,
  names,
});

test('accuracyKinds: one output as the loss or metrics say; several only with metrics, per classification loss', () => {
  expect(accuracyKinds(plan([mse], [1]), undefined, [1])).toEqual([undefined]);
  expect(accuracyKinds(plan([mse], [1]), ['accuracy'], [1])).toEqual(['binary']);
  expect(accuracyKinds(plan([mse], [1]), ['accuracy'], [4])).toEqual(['categorical']);
  expect(accuracyKinds(plan([mse], [1]), ['accuracy'], [])).toEqual(['binary']);
  expect(accuracyKinds(plan([meanOfIndices], [1]), undefined, [3])).toEqual(['categorical']);
  const three = plan([mse, meanOfIndices, binary], [1, 1, 1], ['a', 'b', 'c']);
  expect(accuracyKinds(three, undefined, [1, 3, 2])).toEqual([undefined, undefined, undefined]);
  expect(accuracyKinds(three, [], [1, 3, 2])).toEqual([undefined, undefined, undefined]);
  expect(accuracyKinds(three, ['accuracy'], [1, 3, 2])).toEqual([undefined, 'categorical', 'binary']);
});

test('measureLayout: loss, then each output loss, then the accuracies that are measured', () => {
  expect(measureLayout(plan([mse], [1]), [undefined])).toEqual({ names: ['loss'], counts: [false] });
  expect(measureLayout(plan([mse], [1]), ['binary'])).toEqual({
    names: ['loss', 'accuracy'],
    counts: [false, true],
  });
  expect(
    measureLayout(plan([mse, mse, mse], [1, 1, 1], ['a', 'b', 'c']), [undefined, 'categorical', 'binary']),
  ).toEqual({
    names: ['loss', 'loss.a', 'loss.b', 'loss.c', 'accuracy.b', 'accuracy.c'],
    counts: [false, false, false, false, true, true],
  });
});

test('figuresFromSums: each sum over the rows, by name', () => {
  const layout = { names: ['loss', 'accuracy'], counts: [false, true] };
  expect(figuresFromSums(layout, [3, 6], 4)).toEqual({ loss: 0.75, accuracy: 1.5 });
});

describeEachBackend('outputLossTerms and measuredValues', () => {
  const y1 = [[1], [2], [0]];
  const p1 = [[0.5], [2.5], [1]];
  const mse1 = (0.25 + 0.25 + 1) / 3;

  test('one output: the term itself at weight 1, the weighted term at another weight', async () => {
    const read = async (weights: number[]) => {
      const [total, term] = tf.tidy(() => {
        const { total, terms } = outputLossTerms(plan([mse], weights), [tf.tensor2d(y1)], [tf.tensor2d(p1)], undefined);
        expect(terms).toHaveLength(1);
        return [total, terms[0] as tf.Scalar];
      });
      const values = [(await total.data())[0], (await term.data())[0]];
      tf.dispose([total, term]);
      return values;
    };
    const [total1, term1] = await read([1]);
    expect(total1).toBeCloseTo(mse1, 6);
    expect(term1).toBeCloseTo(mse1, 6);
    const [total2, term2] = await read([2]);
    expect(total2).toBeCloseTo(2 * mse1, 6);
    expect(term2).toBeCloseTo(mse1, 6);
    const [total0] = await read([0]);
    expect(total0).toBe(0);
  });

  test('class weights apply to a lone output and are ignored with several outputs', async () => {
    // Rows 0 and 2 are class 0 (weight 1), row 1 class 1 (weight 3): sum_c w_c n_c / N mse_c.
    const weighting = { fn: 'fit', classes: [0, 1, 0], weights: new Map([[1, 3]]) };
    const weightedByHand = ((0.25 + 1) / 2) * (2 / 3) + 0.25 * 3 * (1 / 3);
    const [lone, pair] = tf.tidy(() => {
      const [y, p] = [tf.tensor2d(y1), tf.tensor2d(p1)];
      const one = outputLossTerms(plan([mse], [1]), [y], [p], weighting).total;
      const two = outputLossTerms(plan([mse, mse], [1, 1], ['a', 'b']), [y, y], [p, p], weighting).total;
      return [one, two];
    });
    try {
      expect((await lone.data())[0]).toBeCloseTo(weightedByHand, 5);
      expect((await pair.data())[0]).toBeCloseTo(2 * mse1, 5);
    } finally {
      tf.dispose([lone, pair]);
    }
  });

  test('several outputs: total = sum_k w_k loss_k; the vector: total, terms, correct counts', async () => {
    const logits = [
      [1, 0, 0],
      [0, 3, 1],
      [2, 0, 5],
    ];
    const classes = [0, 2, 2];
    const meanLogit = logits.flat().reduce((s, v) => s + v, 0) / 9;
    const measured = tf.tidy(() => {
      const ys = [tf.tensor2d(y1), tf.tensor1d(classes, 'int32')];
      const outputs = [tf.tensor2d(p1), tf.tensor2d(logits)];
      const { total, terms } = outputLossTerms(
        plan([mse, meanOfIndices], [0.5, 3], ['a', 'b']),
        ys,
        outputs,
        undefined,
      );
      return measuredValues(total, terms, ys, outputs, [undefined, 'categorical']);
    });
    try {
      const values = Array.from(await measured.data());
      // Correct rows of the classifier: row 0 (class 0) and row 2 (class 2); row 1 predicts 1.
      const expected = [0.5 * mse1 + 3 * meanLogit, mse1, meanLogit, 2];
      expect(values).toHaveLength(4);
      values.forEach((v, i) => expect(v).toBeCloseTo(expected[i] as number, 5));
    } finally {
      measured.dispose();
    }
  });

  test('one output: the vector is [loss, correct count] with no repeated term', async () => {
    const measured = tf.tidy(() => {
      const ys = [tf.tensor2d([[1], [0], [1]])];
      const outputs = [tf.tensor2d([[2], [-1], [-3]])];
      const { total, terms } = outputLossTerms(plan([binary], [1]), ys, outputs, undefined);
      return measuredValues(total, terms, ys, outputs, ['binary']);
    });
    try {
      const values = Array.from(await measured.data());
      expect(values).toHaveLength(2);
      expect(values[0]).toBeCloseTo((1 + 1 + 16) / 3, 5);
      expect(values[1]).toBe(2);
    } finally {
      measured.dispose();
    }
  });
});
