// fit's data preparation for a model with two inputs and two outputs: the class-index check names
// the output, and validationSplit holds out the same last rows of every input and output (valLoss
// equals evaluate on those rows with the trained weights).
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, test } from 'vitest';
import { JoinForTest } from '../../test/graph-test-layers.js';
import { useBackend } from '../backends/use-backend.js';
import { input, Model } from '../graph/index.js';
import { Dense } from '../layers/dense.js';
import { Sgd } from '../optimizers/sgd.js';
import type { LossFunction } from '../registry/loss-contract.js';
import { evaluate } from './evaluate.js';
import { fit } from './fit.js';

const mse: LossFunction = (labels, predictions) => tf.mean(tf.square(tf.sub(predictions, labels)));
const crossEntropy: LossFunction = (labels, logits) =>
  tf.losses.softmaxCrossEntropy(tf.oneHot(tf.cast(labels, 'int32') as tf.Tensor1D, logits.shape[1] as number), logits);
crossEntropy.accuracyKind = 'categorical';
const losses = { sum: mse, cls: crossEntropy };

function twoHeads() {
  const a = input({ shape: [2], name: 'a' });
  const b = input({ shape: [3], name: 'b' });
  const hidden = new Dense({ units: 4, activation: 'tanh', seed: 1 }).apply(new JoinForTest().apply([a, b]));
  const sum = new Dense({ units: 1, seed: 2 }).apply(hidden);
  const cls = new Dense({ units: 3, seed: 3 }).apply(hidden);
  return new Model({ inputs: [a, b], outputs: { sum, cls } });
}

function rows(n: number, classes: number[]) {
  return tf.tidy(() => {
    const a = tf.div(tf.reshape(tf.range(0, 2 * n), [n, 2]), 2 * n);
    const b = tf.cos(tf.reshape(tf.range(0, 3 * n), [n, 3]));
    return { x: { a, b }, y: { sum: tf.sum(a, 1, true), cls: tf.tensor1d(classes, 'int32') } };
  });
}

const release = (d: ReturnType<typeof rows>) => tf.dispose([d.x.a, d.x.b, d.y.sum, d.y.cls]);

describe('fit sources with two outputs (cpu)', () => {
  beforeAll(async () => {
    await useBackend('cpu');
  });

  test('a class index out of range is named with its output, in data and in validationData', async () => {
    const model = twoHeads();
    const good = rows(4, [0, 1, 2, 1]);
    const bad = rows(4, [0, 5, 2, 1]);
    const before = tf.memory().numTensors;
    await expect(fit(model, bad, { loss: losses, progress: 'none' })).rejects.toThrow(
      "fit: expected data.y.cls class indices in [0, 3) (the model's output width), got 5 at row 1",
    );
    await expect(fit(model, good, { loss: losses, validationData: bad, progress: 'none' })).rejects.toThrow(
      "fit: expected validationData.y.cls class indices in [0, 3) (the model's output width), got 5 at row 1",
    );
    expect(tf.memory().numTensors).toBe(before);
    for (const d of [good, bad]) release(d);
    model.dispose();
  });

  test('validationSplit: valLoss and each output loss are those of the last rows after the epoch', async () => {
    const model = twoHeads();
    const data = rows(8, [0, 1, 2, 0, 1, 2, 0, 1]);
    const history = await fit(model, data, {
      loss: losses,
      optimizer: new Sgd({ learningRate: 0.1 }),
      validationSplit: 0.25,
      progress: 'none',
    });
    const last = {
      x: { a: tf.slice(data.x.a, 6, 2), b: tf.slice(data.x.b, 6, 2) },
      y: { sum: tf.slice(data.y.sum, 6, 2), cls: tf.slice(data.y.cls, 6, 2) },
    };
    const expected = await evaluate(model, last, { loss: losses });
    expect(history.get('valLoss')[0]).toBeCloseTo(expected.loss, 5);
    expect(history.get('valLoss.sum')[0]).toBeCloseTo(expected['loss.sum'] as number, 5);
    expect(history.get('valLoss.cls')[0]).toBeCloseTo(expected['loss.cls'] as number, 5);
    expect(history.get('valAccuracy.cls')[0]).toBe(expected['accuracy.cls']);
    for (const d of [data, last]) release(d);
    model.dispose();
  });
});
