// evaluate against the mean loss and accuracy by hand (survivors of the training-step mutation part):
// batches of unequal size weighted by their rows, a stream capped by `steps` (below, at and above its
// length), inference mode, and every refusal with its whole message, leaving nothing behind.
import * as tf from '@tensorflow/tfjs-core';
import { expect, test } from 'vitest';
import { Dense, Dropout, Sequential } from '../layers/index.js';
import type { LossFunction } from '../registry/loss-contract.js';
import { describeEachBackend } from '../testing.js';
import { evaluate } from './evaluate.js';

const kernel = [
  [1, -2, 0.5],
  [0.25, 3, -1],
];

/** x [n, 2] -> x W (no bias), then dropout that would show in training mode. */
function linear() {
  const model = new Sequential({
    layers: [new Dense({ units: 3, useBias: false }), new Dropout({ rate: 0.5, seed: 3 })],
  });
  model.ensureBuilt([1, 2]);
  const values = [tf.tensor2d(kernel)];
  model.setWeights(values);
  tf.dispose(values);
  return model;
}

/** Mean absolute error over the elements; declared categorical so accuracy is measured by default. */
const mae: LossFunction = Object.assign(
  (labels: tf.Tensor, logits: tf.Tensor) =>
    tf.mean(tf.abs(tf.sub(logits, tf.oneHot(tf.cast(labels, 'int32'), 3)))) as tf.Scalar,
  { accuracyKind: 'categorical' as const },
);

const rows = [
  [1, 0],
  [0, 1],
  [-1, 1],
  [2, -1],
  [0.5, 0.5],
  [-2, -0.25],
  [1, 1],
];
const classes = [0, 1, 2, 1, 0, 2, 1];
const logitsOf = (r: number[]) => [0, 1, 2].map((j) => r[0]! * kernel[0]![j]! + r[1]! * kernel[1]![j]!);

/** Mean loss and accuracy of rows [from, to) by hand, in float64. */
function byHand(from = 0, to = rows.length) {
  let loss = 0;
  let right = 0;
  for (let i = from; i < to; i++) {
    const z = logitsOf(rows[i] as number[]);
    loss += z.reduce((s, v, j) => s + Math.abs(v - (j === classes[i] ? 1 : 0)), 0) / 3;
    if (z.indexOf(Math.max(...z)) === classes[i]) right++;
  }
  return { loss: loss / (to - from), accuracy: right / (to - from) };
}

describeEachBackend('evaluate against the figures by hand', () => {
  test('tensors in batches of 3, 3 and 1 (and 7, and the default): the mean over all rows', async () => {
    const model = linear();
    const [x, y] = [tf.tensor2d(rows), tf.tensor1d(classes, 'int32')];
    const expected = byHand();
    expect(expected.accuracy).toBeCloseTo(3 / 7, 12);
    try {
      const before = tf.memory().numTensors;
      for (const options of [{ batchSize: 3 }, { batchSize: 7 }, { batchSize: 1 }, {}, { batchSize: 100 }]) {
        const result = await evaluate(model, { x, y }, { loss: mae, ...options });
        expect(Object.keys(result).sort()).toEqual(['accuracy', 'loss']);
        expect(result.loss).toBeCloseTo(expected.loss, 5);
        expect(result.accuracy).toBeCloseTo(expected.accuracy, 6);
      }
      const noAccuracy = await evaluate(model, { x, y }, { loss: mae, metrics: [] });
      expect(noAccuracy).toEqual({ loss: expect.closeTo(expected.loss, 5) });
      expect(tf.memory().numTensors).toBe(before);
    } finally {
      tf.dispose([x, y]);
      model.dispose();
    }
  });

  test('a stream of batches of 3, 3 and 1: steps caps it at 1 and 2 batches; at 3 and above, all', async () => {
    const model = linear();
    const [x, y] = [tf.tensor2d(rows), tf.tensor1d(classes, 'int32')];
    const batches = () =>
      [0, 3, 6].map((start) => {
        const size = Math.min(3, rows.length - start);
        return { x: tf.slice(x, start, size), y: tf.slice(y, start, size) };
      });
    const list = batches();
    try {
      const before = tf.memory().numTensors;
      for (const [steps, to] of [
        [1, 3],
        [2, 6],
        [3, 7],
        [4, 7],
        [undefined, 7],
      ] as const) {
        const expected = byHand(0, to);
        const result = await evaluate(model, list, { loss: mae, ...(steps === undefined ? {} : { steps }) });
        expect(result.loss).toBeCloseTo(expected.loss, 5);
        expect(result.accuracy).toBeCloseTo(expected.accuracy, 6);
      }
      // The batches of an array are the caller's: still there.
      expect(list.every((b) => !b.x.isDisposed && !b.y.isDisposed)).toBe(true);
      expect(tf.memory().numTensors).toBe(before);
      // A generator's batches are evaluate's: freed after use.
      const generated = batches();
      function* stream() {
        yield* generated;
      }
      const streamed = await evaluate(model, stream(), { loss: mae, steps: 2 });
      expect(streamed.loss).toBeCloseTo(byHand(0, 6).loss, 5);
      expect(generated.slice(0, 2).every((b) => b.x.isDisposed && b.y.isDisposed)).toBe(true);
      tf.dispose(generated.slice(2).flatMap((b) => [b.x, b.y]));
    } finally {
      tf.dispose([x, y, ...list.flatMap((b) => [b.x, b.y])]);
      model.dispose();
    }
  });
});

describeEachBackend('evaluate refusals', () => {
  test('evaluate refuses bad arguments with whole messages and leaves nothing behind', async () => {
    const model = linear();
    const [x, y] = [tf.tensor2d(rows), tf.tensor1d(classes, 'int32')];
    const batch = { x, y };
    try {
      const before = tf.memory().numTensors;
      const refusals: [unknown, unknown, unknown, string][] = [
        [model, batch, undefined, 'evaluate: expected an options object with at least { loss }'],
        [model, batch, { loss: mae, batch: 2 }, "evaluate: unknown key 'batch' in options"],
        [model, batch, { loss: mae, batchSize: 0 }, 'evaluate: expected batchSize to be a positive integer, got 0'],
        [model, [batch], { loss: mae, steps: 0 }, 'evaluate: expected steps to be a positive integer, got 0'],
        [model, [batch], { loss: mae, steps: 1.5 }, 'evaluate: expected steps to be a positive integer, got 1.5'],
        [model, batch, { loss: mae, steps: 2 }, 'evaluate: expected steps only with streamed data'],
        [
          model,
          [batch],
          { loss: mae, batchSize: 4 },
          'evaluate: expected batchSize only with { x, y } tensors, got it with a stream (its batches are its own)',
        ],
        [model, [], { loss: mae }, 'evaluate: expected data to yield at least one batch, got none'],
        [
          model,
          batch,
          { loss: mae, metrics: ['acc'] },
          `evaluate: expected metrics[0] to be one of 'accuracy', got "acc"`,
        ],
        [model, batch, { loss: 'mae' }, 'evaluate: expected options.loss to be a function'],
        [null, batch, { loss: mae }, 'evaluate: expected model to be a Layer, got null'],
        [model, 5, { loss: mae }, 'evaluate: expected data to be { x, y } tensors, a Dataset or an (async) iterable'],
        [model, { x, y: tf.zeros([0]) }, { loss: mae }, 'evaluate: expected data.x and data.y with the same number'],
      ];
      for (const [m, data, options, message] of refusals)
        await expect(evaluate(m as never, data as never, options as never)).rejects.toThrow(message);
      const throwing: LossFunction = () => {
        throw new Error('loss refused its labels');
      };
      await expect(evaluate(model, batch, { loss: throwing, batchSize: 3 })).rejects.toThrow('loss refused its labels');
      await expect(evaluate(model, [batch, batch], { loss: throwing })).rejects.toThrow('loss refused its labels');
      expect(tf.memory().numTensors).toBe(before + 1); // the zeros([0]) of the row refusal
    } finally {
      tf.dispose([x, y]);
      model.dispose();
    }
  });
});
