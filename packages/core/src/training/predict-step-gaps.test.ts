// predict and predictMulti in batches against one whole forward pass by hand (survivors of the
// training-step mutation part): row counts below, at and above batchSize, several outputs, inference
// mode, every refusal with its whole message and no tensor left behind.
import * as tf from '@tensorflow/tfjs-core';
import { expect, test } from 'vitest';
import { input, Model } from '../graph/index.js';
import { Dense, Dropout, Sequential } from '../layers/index.js';
import { describeEachBackend } from '../testing.js';
import { predict, predictMulti } from './predict.js';

/** x [n, 2] -> dense 3 (fixed weights) -> y = x W + b, computed by hand in float64 below. */
const kernel = [
  [1, -2, 0.5],
  [0.25, 3, -1],
];
const bias = [0.5, 0, -0.25];

function linear() {
  const model = new Sequential({ layers: [new Dense({ units: 3 }), new Dropout({ rate: 0.5, seed: 3 })] });
  model.ensureBuilt([1, 2]);
  const values = [tf.tensor2d(kernel), tf.tensor1d(bias)];
  model.setWeights(values);
  tf.dispose(values);
  return model;
}

const rowsOf = (n: number) => Array.from({ length: n }, (_, i) => [i / 4 - 1, (i % 3) - 1]);
const byHand = (rows: number[][]) =>
  rows.map((r) => bias.map((b, j) => b + (r[0] as number) * kernel[0]![j]! + (r[1] as number) * kernel[1]![j]!));

describeEachBackend('predict in batches', () => {
  test('below, at and above batchSize, with a remainder: the whole pass, in inference mode', async () => {
    const model = linear();
    try {
      for (const [n, batchSize] of [
        [5, 8],
        [4, 4],
        [5, 4],
        [7, 3],
        [6, 1],
        [9, undefined],
      ] as const) {
        const rows = rowsOf(n);
        const x = tf.tensor2d(rows);
        const before = tf.memory().numTensors;
        const y = predict(model, x, batchSize === undefined ? {} : { batchSize });
        // Only the result is new; dropout (rate 0.5) would show in training mode.
        expect(tf.memory().numTensors).toBe(before + 1);
        expect(y.shape).toEqual([n, 3]);
        const values = Array.from(await y.data());
        byHand(rows)
          .flat()
          .forEach((v, i) => expect(values[i]).toBeCloseTo(v, 5));
        tf.dispose([x, y]);
      }
    } finally {
      model.dispose();
    }
  });

  test('predictMulti batches every output alike; predict refuses two outputs and leaves nothing', async () => {
    const a = input({ shape: [2], name: 'a' });
    const first = new Dense({ units: 3, seed: 1 }).apply(a);
    const second = new Dense({ units: 1, seed: 2 }).apply(first);
    const model = new Model({ inputs: a, outputs: [first, second] });
    const x = tf.tensor2d(rowsOf(7));
    try {
      const whole = predictMulti(model, x, { batchSize: 7 });
      const batched = predictMulti(model, { a: x }, { batchSize: 2 });
      expect(batched.map((t) => t.shape)).toEqual([
        [7, 3],
        [7, 1],
      ]);
      for (const [i, t] of batched.entries()) {
        const expected = Array.from(await (whole[i] as tf.Tensor).data());
        Array.from(await t.data()).forEach((v, k) => expect(v).toBeCloseTo(expected[k] as number, 5));
      }
      tf.dispose([...whole, ...batched]);
      const before = tf.memory().numTensors;
      for (const batchSize of [2, 256])
        expect(() => predict(model, x, { batchSize })).toThrow(
          `predict: model '${model.name}' has 2 outputs: use predictMulti, which returns one tensor per output`,
        );
      expect(tf.memory().numTensors).toBe(before);
    } finally {
      x.dispose();
      model.dispose();
    }
  });
});

describeEachBackend('predict refusals', () => {
  test('predict and predictMulti refuse bad arguments, naming themselves, and leave nothing behind', () => {
    const model = linear();
    const [x, empty] = [tf.zeros([3, 2]), tf.zeros([0, 2])];
    try {
      const before = tf.memory().numTensors;
      for (const fn of ['predict', 'predictMulti'] as const) {
        const run = fn === 'predict' ? predict : predictMulti;
        expect(() => run(model, x, { batchSize: 0 })).toThrow(
          `${fn}: expected batchSize to be a positive integer, got 0`,
        );
        expect(() => run(model, x, { batchSize: 1.5 })).toThrow(
          `${fn}: expected batchSize to be a positive integer, got 1.5`,
        );
        expect(() => run(model, x, { batch: 2 } as never)).toThrow(`${fn}: unknown key 'batch' in options`);
        expect(() => run(null as never, x)).toThrow(`${fn}: expected model to be a Layer, got null`);
        expect(() => run(3 as never, x)).toThrow(`${fn}: expected model to be a Layer, got number`);
        expect(() => run({} as never, x)).toThrow(`${fn}: expected model to be a Layer, got object`);
        expect(() => run(model, [x, x])).toThrow(
          `${fn}: expected x to be a tensor (the model's inputs), got an array of 2`,
        );
        expect(() => run(model, empty)).toThrow(`${fn}: expected x with at least one row, got [0,2]`);
      }
      expect(tf.memory().numTensors).toBe(before);
    } finally {
      tf.dispose([x, empty]);
      model.dispose();
    }
  });
});
