// Accuracy, case by case, against plain-JS counts (survivors of the training-step mutation part):
// which kind is measured for each combination of loss and metrics, the binary thresholds exactly at
// 0 (logit) and 0.5 (label), several outputs per row, argmax ties, and the checks' whole messages.
import * as tf from '@tensorflow/tfjs-core';
import { expect, test } from 'vitest';
import type { LossFunction } from '../registry/loss-contract.js';
import { describeEachBackend } from '../testing.js';
import { accuracyKindOf, checkMetrics, countCorrect } from './accuracy.js';

const plain: LossFunction = (labels, predictions) => tf.mean(tf.sub(labels, predictions));
const binaryLoss: LossFunction = Object.assign((l: tf.Tensor, p: tf.Tensor) => plain(l, p), {
  accuracyKind: 'binary' as const,
});
const categoricalLoss: LossFunction = Object.assign((l: tf.Tensor, p: tf.Tensor) => plain(l, p), {
  accuracyKind: 'categorical' as const,
});

/** The binary count by hand: per row, the fraction of outputs with (logit > 0) === (label > 0.5). */
function binaryByHand(labels: number[][], logits: number[][]): number {
  return logits.reduce((total, row, i) => {
    const right = row.filter((z, k) => z > 0 === ((labels[i] as number[])[k] as number) > 0.5).length;
    return total + right / row.length;
  }, 0);
}

/** The categorical count by hand: the first maximum of each row against the class. */
function categoricalByHand(classes: number[], logits: number[][]): number {
  return logits.filter((row, i) => row.indexOf(Math.max(...row)) === classes[i]).length;
}

async function counted(labels: tf.Tensor, predictions: tf.Tensor, kind?: 'binary' | 'categorical'): Promise<number> {
  const count = countCorrect(labels, predictions, kind);
  try {
    expect(count.shape).toEqual([]);
    return (await count.data())[0] as number;
  } finally {
    tf.dispose([labels, predictions, count]);
  }
}

describeEachBackend('countCorrect', () => {
  test('binary: a logit of exactly 0 predicts 0, a label of exactly 0.5 counts as 0', async () => {
    const logits = [[0], [1e-3], [-1e-3], [0], [2], [-2]];
    const labels = [[0], [1], [0], [0.5], [0.5], [0.51]];
    // Row by row: right, right, right, right (0 vs 0), wrong (1 vs 0), wrong (0 vs 1).
    expect(binaryByHand(labels, logits)).toBe(4);
    expect(await counted(tf.tensor2d(labels), tf.tensor2d(logits), 'binary')).toBe(4);
    // Labels of rank 1 are reshaped to the predictions' [N, 1].
    expect(await counted(tf.tensor1d(labels.flat()), tf.tensor2d(logits), 'binary')).toBe(4);
  });

  test('binary with three outputs a row: each row counts the fraction of its outputs that are right', async () => {
    const logits = [
      [1, -1, 0.5],
      [-1, -1, -1],
      [2, 3, -4],
      [0.1, 0, -0.1],
    ];
    const labels = [
      [1, 0, 0],
      [1, 1, 1],
      [1, 1, 0],
      [1, 1, 1],
    ];
    const expected = binaryByHand(labels, logits); // 2/3 + 0 + 1 + 1/3 = 2
    expect(expected).toBeCloseTo(2, 12);
    expect(await counted(tf.tensor2d(labels), tf.tensor2d(logits), 'binary')).toBeCloseTo(expected, 5);
  });

  test('categorical (the default): class indices or one-hot rows; a tie goes to the first maximum', async () => {
    const logits = [
      [0.1, 0.7, 0.2],
      [3, 3, 1],
      [1, 2, 2],
      [-1, -1, -1],
      [0, 5, -5],
    ];
    const classes = [1, 1, 1, 0, 2];
    // Right: rows 0, 2 and 3 (the ties of rows 2 and 3 go to the first maximum; the last would give 2 and 2).
    const expected = categoricalByHand(classes, logits);
    expect(expected).toBe(3);
    expect(await counted(tf.tensor1d(classes, 'int32'), tf.tensor2d(logits))).toBe(expected);
    expect(await counted(tf.tensor1d(classes, 'float32'), tf.tensor2d(logits), 'categorical')).toBe(expected);
    const oneHot = tf.tidy(() => tf.oneHot(tf.tensor1d(classes, 'int32'), 3));
    expect(await counted(oneHot, tf.tensor2d(logits), 'categorical')).toBe(expected);
  });
});

describeEachBackend('countCorrect on sequences', () => {
  test('categorical over the last axis of [N, T, K] predictions, with [N, T] indices or one-hot rows', async () => {
    // Two sequences of three steps, four classes: the classes are read along the last axis only.
    const logits = [
      [
        [0, 1, 0, 0],
        [2, 0, 0, 1],
        [0, 0, 0, 3],
      ],
      [
        [1, 0, 4, 0],
        [0, 5, 0, 0],
        [0, 0, 1, 0],
      ],
    ];
    const classes = [
      [1, 0, 2],
      [2, 1, 1],
    ];
    const expected = logits
      .flatMap((sequence, n) => sequence.map((row, t) => row.indexOf(Math.max(...row)) === classes[n]![t]))
      .filter(Boolean).length;
    expect(expected).toBe(4);
    expect(await counted(tf.tensor2d(classes, [2, 3], 'int32'), tf.tensor3d(logits))).toBe(expected);
    const oneHot = tf.tidy(() => tf.oneHot(tf.tensor2d(classes, [2, 3], 'int32'), 4));
    expect(await counted(oneHot, tf.tensor3d(logits), 'categorical')).toBe(expected);
  });
});

test('accuracyKindOf: the loss decides without metrics; metrics decide with them, by output width', () => {
  expect(accuracyKindOf(plain, undefined, 3)).toBeUndefined();
  expect(accuracyKindOf(binaryLoss, undefined, 3)).toBe('binary');
  expect(accuracyKindOf(categoricalLoss, undefined, 1)).toBe('categorical');
  // metrics without 'accuracy': none, even for a classification loss.
  expect(accuracyKindOf(categoricalLoss, [], 3)).toBeUndefined();
  // metrics with 'accuracy': the loss's own kind, else binary for one output and categorical for more.
  expect(accuracyKindOf(binaryLoss, ['accuracy'], 3)).toBe('binary');
  expect(accuracyKindOf(categoricalLoss, ['accuracy'], 1)).toBe('categorical');
  expect(accuracyKindOf(plain, ['accuracy'], 1)).toBe('binary');
  expect(accuracyKindOf(plain, ['accuracy'], 2)).toBe('categorical');
});

test('checkMetrics: undefined and known names pass; anything else is refused with its index', () => {
  expect(() => checkMetrics('fit', undefined)).not.toThrow();
  expect(() => checkMetrics('fit', [])).not.toThrow();
  expect(() => checkMetrics('fit', ['accuracy', 'accuracy'])).not.toThrow();
  expect(() => checkMetrics('evaluate', 'accuracy')).toThrow(
    "evaluate: expected metrics to be an array such as ['accuracy'], got string",
  );
  expect(() => checkMetrics('fit', { 0: 'accuracy' })).toThrow(
    "fit: expected metrics to be an array such as ['accuracy'], got object",
  );
  expect(() => checkMetrics('trainStep', ['accuracy', 'acc'])).toThrow(
    `trainStep: expected metrics[1] to be one of 'accuracy', got "acc"`,
  );
});
