// validationSplit's cut (the last rows, before shuffling), the { x, y } check with whole messages,
// and the label inspection fit runs once per dataset (which labels are class indices, when the
// model is run to learn its output shape).
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, test, vi } from 'vitest';
import { useBackend } from '../backends/use-backend.js';
import { input, Model } from '../graph/index.js';
import { Dense } from '../layers/dense.js';
import { inspectLabels, probeOutputShapes } from './dataset-labels.js';
import { splitValidation } from './fit-data.js';
import { arrangeLabelledData, modelSlots } from './labelled-data.js';

describe('fit data (cpu)', () => {
  beforeAll(async () => {
    await useBackend('cpu');
  });

  test('splitValidation holds out the last floor(N f) rows of every input and output; release frees them', async () => {
    const x = tf.tensor2d([0, 1, 2, 3, 4, 5, 6, 7, 8, 9], [10, 1]);
    const y = tf.tensor1d([10, 11, 12, 13, 14, 15, 16, 17, 18, 19]);
    const data = { xs: [x, x], ys: [y], rows: 10 };
    const before = tf.memory().numTensors;
    const { train, validation, release } = splitValidation(data, 0.29, undefined); // 2.9 rows: 2 held
    expect(train.rows).toBe(8);
    expect(validation?.rows).toBe(2);
    expect(await Promise.all(train.xs.map((t) => t.array()))).toEqual([
      [[0], [1], [2], [3], [4], [5], [6], [7]],
      [[0], [1], [2], [3], [4], [5], [6], [7]],
    ]);
    expect(await train.ys[0]?.array()).toEqual([10, 11, 12, 13, 14, 15, 16, 17]);
    expect(await validation?.xs[1]?.array()).toEqual([[8], [9]]);
    expect(await validation?.ys[0]?.array()).toEqual([18, 19]);
    expect(tf.memory().numTensors).toBe(before + 6);
    release();
    expect(tf.memory().numTensors).toBe(before);
    tf.dispose([x, y]);
  });

  test('splitValidation: no fraction passes the data and the given validation through; no held row is an error', () => {
    const x = tf.zeros([10, 1]);
    const data = { xs: [x], ys: [x], rows: 10 };
    const given = { xs: [x], ys: [x], rows: 10 };
    const plain = splitValidation(data, undefined, given);
    expect(plain.train).toBe(data);
    expect(plain.validation).toBe(given);
    plain.release();
    expect(x.isDisposed).toBe(false);
    const before = tf.memory().numTensors;
    expect(() => splitValidation(data, 0.09, undefined)).toThrow(
      'fit: validationSplit 0.09 of 10 rows leaves no validation rows',
    );
    expect(tf.memory().numTensors).toBe(before);
    expect(splitValidation(data, 0.1, undefined).validation?.rows).toBe(1); // exactly one row held
    expect(splitValidation(data, 0.95, undefined).train.rows).toBe(1);
    x.dispose();
  });

  test('arrangeLabelledData refuses what is not { x, y }, describing it', () => {
    const slots = modelSlots(new Dense({ units: 1 }));
    const cases: [unknown, string][] = [
      [null, 'null'],
      [[1, 2], 'an array of 2'],
      [{ x: 1 }, 'an object with keys x'],
      [{ y: 1 }, 'an object with keys y'],
      [{}, 'an object with keys none'],
      [5, 'number'],
    ];
    for (const [value, got] of cases)
      expect(() => arrangeLabelledData('evaluate', 'validationData', value, slots)).toThrow(
        `evaluate: expected validationData to be { x, y }, got ${got}`,
      );
    const x = tf.ones([3, 2]);
    const y = tf.ones([3]);
    expect(arrangeLabelledData('fit', 'data', { x, y }, slots)).toEqual({ xs: [x], ys: [y], rows: 3 });
    tf.dispose([x, y]);
  });

  test('probeOutputShapes: a model applied before is not run; one with a free size runs on one row', () => {
    const dense = new Dense({ units: 3 });
    const x = tf.ones([5, 2]);
    expect(probeOutputShapes(dense, [x])).toEqual([[1, 3]]); // not built: one inference pass
    const apply = vi.spyOn(dense, 'applyMulti');
    expect(probeOutputShapes(dense, [x])).toEqual([[1, 3]]);
    expect(apply).not.toHaveBeenCalled();
    apply.mockRestore();
    // A model whose output shape has a free size besides the batch (sequences): run on one row.
    const tokens = input({ shape: [null, 2] });
    const free = new Model({ inputs: tokens, outputs: new Dense({ units: 3 }).apply(tokens) });
    const rows = tf.ones([4, 5, 2]);
    const before = tf.memory().numTensors;
    expect(probeOutputShapes(free, [rows])).toEqual([[1, 5, 3]]);
    expect(tf.memory().numTensors).toBe(before);
    tf.dispose([x, rows]);
    dense.dispose();
    free.dispose();
  });

  test('inspectLabels: which labels are checked as class indices, and which classes come back', async () => {
    const float = tf.tensor1d([0, 2, 1]);
    const int = tf.tensor1d([0, 2, 1], 'int32');
    const wide = tf.tensor1d([0, 5, 1]);
    const oneHot = tf.tensor2d([0, 1, 1, 0], [2, 2]);
    const bad = tf.tensor1d([3], 'int32');
    const sequence = tf.tensor2d([0, 1, 2, 1], [2, 2], 'int32');
    const before = tf.memory().numTensors;
    // Rank one less than the output and a categorical loss: checked, the classes come back.
    expect(await inspectLabels('fit', 'data.y', float, [1, 3], 'categorical', false)).toEqual([0, 2, 1]);
    await expect(inspectLabels('fit', 'data.y', wide, [1, 3], 'categorical', false)).rejects.toThrow(
      "fit: expected data.y class indices in [0, 3) (the model's output width), got 5 at row 1",
    );
    // int32 labels of that rank: checked whatever the loss.
    expect(await inspectLabels('fit', 'data.y', int, [1, 3], undefined, false)).toEqual([0, 2, 1]);
    await expect(inspectLabels('fit', 'data.y', bad, [1, 3], 'binary', false)).rejects.toThrow(/got 3 at row 0/);
    // Float labels for a non-categorical loss, or labels of the output's rank: not read at all...
    expect(await inspectLabels('fit', 'data.y', wide, [1, 3], undefined, false)).toBeUndefined();
    expect(await inspectLabels('fit', 'data.y', wide, [1, 3], 'binary', false)).toBeUndefined();
    expect(await inspectLabels('fit', 'data.y', oneHot, [1, 2], 'categorical', false)).toBeUndefined();
    // ...unless class weights want the classes: the argmax of one-hot rows.
    expect(await inspectLabels('fit', 'data.y', oneHot, [1, 2], 'categorical', true)).toEqual([1, 0]);
    expect(await inspectLabels('fit', 'data.y', wide, [1, 3], undefined, true)).toEqual([0, 5, 1]);
    // Sequence labels [N, T] for outputs [N, T, K]: checked per position; classes only when asked.
    expect(await inspectLabels('fit', 'data.y', sequence, [1, 2, 3], undefined, false)).toBeUndefined();
    await expect(inspectLabels('fit', 'data.y', sequence, [1, 2, 2], undefined, false)).rejects.toThrow(
      /got 2 at row 1, position 0/,
    );
    expect(tf.memory().numTensors).toBe(before);
    tf.dispose([float, int, wide, oneHot, sequence, bad]);
  });
});
