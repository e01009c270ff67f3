// Class weights weigh rows, so they need one class per row. Labels per time step ([N, T] indices or
// [N, T, K] one-hot for an output [N, T, K]) have none: fit took the argmax over time as each row's
// class (a silently wrong loss) and trainStep with one-hot labels failed inside tf.gather. Both
// now refuse, naming the shapes, and leak nothing. Binary labels [N, 1] were all read as class 0
// (the argmax of one column): they are now read by value, so class 1's weight applies.
import * as tf from '@tensorflow/tfjs-core';
import { expect, test } from 'vitest';
import { Dense, Sequential } from '../layers/index.js';
import { Sgd } from '../optimizers/index.js';
import type { LossFunction } from '../registry/loss-contract.js';
import { describeEachBackend } from '../testing.js';
import { expectRejectedWithoutLeaks } from '../../test/refused-without-leaks.js';
import { fit } from './fit.js';
import { trainStep } from './train-step.js';

/** Mean squared error against one-hot targets; integer class indices are one-hot encoded first. */
const squaredToOneHot: LossFunction = (labels, outputs) => {
  const k = outputs.shape.at(-1) as number;
  const targets = labels.rank === outputs.rank ? labels : tf.oneHot(tf.cast(labels, 'int32'), k);
  return tf.mean(tf.square(tf.sub(targets, outputs)));
};

/** Mean squared error of same-shaped labels and outputs. */
const squared: LossFunction = (labels, outputs) => tf.mean(tf.square(tf.sub(labels, outputs)));

const refusal = (labels: string) =>
  new RegExp(
    String.raw`^(fit|trainStep): expected classWeights only for one class per row \(labels \[batch\], or ` +
      String.raw`\[batch, classes\] for an output \[batch, classes\]\), got labels ${labels} for an output ` +
      String.raw`\[4,5,3\]: weigh each time step in the loss instead$`,
  );

/** The weighted mean of per-row losses by hand: sum_i w[class_i] loss_i / N. */
function weightedMeanByHand(rowLosses: readonly number[], classes: readonly number[], weights: readonly number[]) {
  return rowLosses.reduce((sum, l, i) => sum + (weights[classes[i] as number] as number) * l, 0) / rowLosses.length;
}

describeEachBackend('class weights need one class per row', () => {
  test('fit and trainStep refuse per-time-step labels, indices or one-hot, 6 times each without a leak', async () => {
    const model = new Sequential({ seed: 2, layers: [new Dense({ units: 3 })] });
    const x = tf.randomNormal([4, 5, 2], 0, 1, 'float32', 1);
    const indices = tf.tensor2d([0, 1, 2, 1, 0, 2, 2, 2, 2, 2, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0], [4, 5], 'int32');
    const oneHot = tf.oneHot(indices, 3);
    const optimizer = new Sgd({ learningRate: 0.1 });
    const calls: [() => Promise<unknown>, RegExp][] = [
      [
        () => fit(model, { x, y: indices }, { loss: squaredToOneHot, classWeights: [1, 5, 1], progress: 'none' }),
        refusal(String.raw`\[4,5\]`),
      ],
      [
        () => fit(model, { x, y: oneHot }, { loss: squaredToOneHot, classWeights: { 1: 5 }, progress: 'none' }),
        refusal(String.raw`\[4,5,3\]`),
      ],
      [
        () => trainStep(model, { x, y: indices }, { loss: squaredToOneHot, optimizer, classWeights: [1, 5, 1] }),
        refusal(String.raw`\[4,5\]`),
      ],
      [
        () => trainStep(model, { x, y: oneHot }, { loss: squaredToOneHot, optimizer, classWeights: [1, 5, 1] }),
        refusal(String.raw`\[4,5,3\]`),
      ],
    ];
    model.ensureBuilt([1, 5, 2]);
    const weightsBefore = await Promise.all(model.weights().map(async (w) => Array.from(await w.read().data())));
    for (const [call, message] of calls) await expectRejectedWithoutLeaks(call, message, 5);
    // Refused before any update: the weights are as they were.
    const weightsAfter = await Promise.all(model.weights().map(async (w) => Array.from(await w.read().data())));
    expect(weightsAfter).toEqual(weightsBefore);
    // Without class weights the same data trains.
    const step = await trainStep(model, { x, y: indices }, { loss: squaredToOneHot, optimizer });
    expect(Number.isFinite(step.loss)).toBe(true);
    tf.dispose([x, indices, oneHot]);
    model.dispose();
  });

  test('an output [batch, classes] trains weighted: the mean of w[class_i] * loss_i', async () => {
    const model = new Sequential({ seed: 2, layers: [new Dense({ units: 3 })] });
    const x = tf.tensor2d([0, 1, 1, 0, 0.5, 0.5, 1, 1], [4, 2]);
    const classes = [0, 1, 2, 1];
    const y = tf.tensor1d(classes, 'int32');
    const out = model.apply(x);
    const rows = (await out.array()) as number[][];
    const rowLosses = rows.map((row, i) => row.reduce((s, o, k) => s + (o - (k === classes[i] ? 1 : 0)) ** 2, 0) / 3);
    const weights = [1, 5, 0.5];
    const optimizer = new Sgd({ learningRate: 0.1 });
    const step = await trainStep(model, { x, y }, { loss: squaredToOneHot, optimizer, classWeights: weights });
    expect(step.loss).toBeCloseTo(weightedMeanByHand(rowLosses, classes, weights), 5);
    tf.dispose([x, y, out]);
    model.dispose();
  });

  test('binary labels [batch, 1] are read by value (rounded), so the weight of class 1 applies', async () => {
    const model = new Sequential({ seed: 4, layers: [new Dense({ units: 1 })] });
    const x = tf.tensor2d([0, 1, 1, 0, 0.5, 0.5, 1, 1], [4, 2]);
    const values = [0, 1, 0.9, 0.1]; // smoothed labels: classes 0, 1, 1, 0
    const y = tf.tensor2d(values, [4, 1]);
    const out = model.apply(x);
    const outputs = Array.from(await out.data());
    const rowLosses = outputs.map((o, i) => (o - (values[i] as number)) ** 2);
    const weights = [1, 4];
    const optimizer = new Sgd({ learningRate: 0.1 });
    const step = await trainStep(model, { x, y }, { loss: squared, optimizer, classWeights: weights });
    expect(step.loss).toBeCloseTo(weightedMeanByHand(rowLosses, [0, 1, 1, 0], weights), 5);
    // fit reads the classes itself (once, before training): one batch, its loss before the update.
    const next = model.apply(x);
    const nextLosses = Array.from(await next.data()).map((o, i) => (o - (values[i] as number)) ** 2);
    const options = { loss: squared, optimizer, classWeights: weights, batchSize: 4, progress: 'none' } as const;
    const history = await fit(model, { x, y }, options);
    expect(history.metrics.loss?.[0]).toBeCloseTo(weightedMeanByHand(nextLosses, [0, 1, 1, 0], weights), 5);
    tf.dispose([x, y, out, next]);
    model.dispose();
  });
});
