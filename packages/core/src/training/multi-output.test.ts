import * as tf from '@tensorflow/tfjs-core';
import { expect, test } from 'vitest';
import { JoinForTest } from '../../test/graph-test-layers.js';
import { fromTensors } from '../data/from-tensors.js';
import { input, Model } from '../graph/index.js';
import { Dense } from '../layers/index.js';
import { Sgd } from '../optimizers/index.js';
import type { LossFunction } from '../registry/loss-contract.js';
import { describeEachBackend } from '../testing.js';
import { evaluate } from './evaluate.js';
import { fit } from './fit.js';
import { modelInputOutputNames } from './model-io.js';
import { predict, predictMulti } from './predict.js';
import { trainStep } from './train-step.js';

const mse: LossFunction = (labels, predictions) => tf.mean(tf.square(tf.sub(predictions, labels)));
const crossEntropy: LossFunction = (labels, logits) =>
  tf.losses.softmaxCrossEntropy(tf.oneHot(tf.cast(labels, 'int32') as tf.Tensor1D, logits.shape[1] as number), logits);
crossEntropy.accuracyKind = 'categorical';

/** Two inputs (a [2], b [3]) joined into a shared hidden layer, two outputs: sum [1] (regression), cls [3] (logits). */
function twoHeads() {
  const a = input({ shape: [2], name: 'a' });
  const b = input({ shape: [3], name: 'b' });
  const hidden = new Dense({ units: 6, activation: 'tanh', seed: 1 }).apply(new JoinForTest().apply([a, b]));
  const sum = new Dense({ units: 1, seed: 2 }).apply(hidden);
  const cls = new Dense({ units: 3, seed: 3 }).apply(hidden);
  const model = new Model({ inputs: [a, b], outputs: { sum, cls } });
  // The same layers and weights, one output each: evaluated on their own below.
  const sumOnly = new Model({ inputs: [a, b], outputs: sum });
  const clsOnly = new Model({ inputs: [a, b], outputs: cls });
  return { model, sumOnly, clsOnly };
}

function data(n = 12) {
  return tf.tidy(() => {
    const a = tf.div(tf.reshape(tf.range(0, 2 * n), [n, 2]), 2 * n);
    const b = tf.cos(tf.reshape(tf.range(0, 3 * n), [n, 3]));
    const sum = tf.add(tf.sum(a, 1, true), tf.sum(b, 1, true));
    const cls = tf.tensor1d(
      Array.from({ length: n }, (_, i) => i % 3),
      'int32',
    );
    return { x: { a, b }, y: { sum, cls } };
  });
}

const losses = { sum: mse, cls: crossEntropy };
const lossWeights = { sum: 0.5, cls: 2 };

describeEachBackend('several inputs and outputs', () => {
  test("loss = w1 l1 + w2 l2: evaluate, and fit logs it (loss before the step), with each output's loss", async () => {
    const { model, sumOnly, clsOnly } = twoHeads();
    const d = data();
    const l1 = (await evaluate(sumOnly, { x: [d.x.a, d.x.b], y: d.y.sum }, { loss: mse })).loss;
    const l2 = (await evaluate(clsOnly, { x: [d.x.a, d.x.b], y: d.y.cls }, { loss: crossEntropy })).loss;
    const total = 0.5 * l1 + 2 * l2;
    const both = await evaluate(model, d, { loss: losses, lossWeights });
    expect(both.loss).toBeCloseTo(total, 5);
    expect(both['loss.sum']).toBeCloseTo(l1, 5);
    expect(both['loss.cls']).toBeCloseTo(l2, 5);
    const before = tf.memory().numTensors;
    const history = await fit(model, d, {
      loss: losses,
      lossWeights,
      optimizer: new Sgd({ learningRate: 0.1 }),
      batchSize: 12,
      progress: 'none',
    });
    expect(tf.memory().numTensors).toBe(before);
    expect(history.last('loss')).toBeCloseTo(total, 5);
    expect(history.last('loss.sum')).toBeCloseTo(l1, 5);
    expect(history.last('loss.cls')).toBeCloseTo(l2, 5);
    // From a stream of one batch, arrays in the model's order: the same figures for the trained weights.
    const now = await evaluate(model, d, { loss: losses, lossWeights });
    const rows = fromTensors({ x: [d.x.a, d.x.b], y: [d.y.sum, d.y.cls] }).batch(12);
    const streamed = await fit(model, rows, { loss: losses, lossWeights, optimizer: new Sgd(), progress: 'none' });
    expect(streamed.last('loss')).toBeCloseTo(now.loss, 5);
    expect(streamed.last('loss.cls')).toBeCloseTo(now['loss.cls'] as number, 5);
    expect(tf.memory().numTensors).toBe(before);
    tf.dispose([d.x.a, d.x.b, d.y.sum, d.y.cls]);
    model.dispose();
  });

  test('predictMulti gives every output; predict, trainStep and accuracy per classification output', async () => {
    const { model } = twoHeads();
    const d = data(5);
    const [sum, cls] = predictMulti(model, d.x, { batchSize: 2 });
    expect([sum?.shape, cls?.shape]).toEqual([
      [5, 1],
      [5, 3],
    ]);
    const whole = predictMulti(model, [d.x.a, d.x.b]);
    expect(Array.from(await (whole[1] as tf.Tensor).data())).toEqual(
      Array.from(await (cls as tf.Tensor).data()).map((v) => expect.closeTo(v, 5)),
    );
    expect(() => predict(model, d.x)).toThrow(
      /predict: model '.*' has 2 outputs: use predictMulti, which returns one tensor per output/,
    );
    const step = await trainStep(model, d, { loss: losses, optimizer: new Sgd(), metrics: ['accuracy'] });
    expect(Object.keys(step).sort()).toEqual(['accuracy.cls', 'loss', 'loss.cls', 'loss.sum']);
    expect(step.loss).toBeCloseTo((step['loss.sum'] as number) + (step['loss.cls'] as number), 5);
    const plain = await fit(model, d, { loss: losses, progress: 'none' });
    expect(Object.keys(plain.metrics).sort()).toEqual(['learningRate', 'loss', 'loss.cls', 'loss.sum', 'seconds']);
    const asked = await fit(model, d, { loss: losses, metrics: ['accuracy'], validationData: d, progress: 'none' });
    expect(Object.keys(asked.metrics).sort()).toEqual([
      'accuracy.cls',
      'learningRate',
      'loss',
      'loss.cls',
      'loss.sum',
      'seconds',
      'valAccuracy.cls',
      'valLoss',
      'valLoss.cls',
      'valLoss.sum',
    ]);
    tf.dispose([sum, cls, ...whole, d.x.a, d.x.b, d.y.sum, d.y.cls] as tf.Tensor[]);
    model.dispose();
  });
});

test('loss records, lossWeights and classWeights are checked against the model outputs', async () => {
  const { model } = twoHeads();
  const d = data(4);
  const before = tf.memory().numTensors;
  expect(modelInputOutputNames(model)).toEqual({ inputNames: ['a', 'b'], outputNames: ['sum', 'cls'] });
  expect(modelInputOutputNames(new Dense({ units: 1 }))).toEqual({ inputNames: undefined, outputNames: undefined });
  await expect(fit(model, d, { loss: { sum: mse } })).rejects.toThrow(
    /fit: expected options\.loss to have the keys of the model's outputs \(sum, cls\), got missing 'cls'/,
  );
  await expect(fit(model, d, { loss: losses, lossWeights: { summ: 1 } })).rejects.toThrow(
    /fit: expected options\.lossWeights keys among the model's outputs \(sum, cls\), got 'summ'/,
  );
  await expect(fit(model, d, { loss: losses, lossWeights: { sum: -1 } })).rejects.toThrow(
    /fit: expected lossWeights\.sum >= 0, got -1/,
  );
  await expect(fit(model, d, { loss: losses, classWeights: [1, 2, 1] })).rejects.toThrow(
    /fit: expected classWeights only for a model with one output, got 2 outputs/,
  );
  await expect(fit(model, d, { loss: { sum: mse, cls: 3 as never } })).rejects.toThrow(
    /fit: expected options\.loss\.cls to be a function \(labels, predictions\) => Scalar, got number/,
  );
  await expect(fit(model, d, { loss: losses, augment: (x) => x })).rejects.toThrow(
    /fit: expected augment only for a model with one input \(augment in a Dataset\.map instead\)/,
  );
  const single = new Dense({ units: 1 });
  await expect(evaluate(single, { x: d.x.a, y: d.y.sum }, { loss: { sum: mse } })).rejects.toThrow(
    "evaluate: expected options.loss to have the keys of the model's outputs " +
      "(none: a plain layer has one unnamed output), got unknown 'sum'",
  );
  expect(tf.memory().numTensors).toBe(before);
  tf.dispose([d.x.a, d.x.b, d.y.sum, d.y.cls]);
  model.dispose();
  single.dispose();
});
