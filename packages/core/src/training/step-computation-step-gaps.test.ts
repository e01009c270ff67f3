// computeStep and its helpers on their own (survivors of the training-step mutation part): the raw
// gradient sum against a sum by hand (before decay and clipping), a weight that gets no gradient kept
// out of the updates in the right order, the figures read without a gradient sum, a measurement that
// fails after the gradients exist (everything freed), and each output's width.
import * as tf from '@tensorflow/tfjs-core';
import { expect, test } from 'vitest';
import { Dense, Sequential } from '../layers/index.js';
import type { LossFunction } from '../registry/loss-contract.js';
import { describeEachBackend } from '../testing.js';
import type { MeasureLayout } from './output-measures.js';
import { computeStep, disposeStep, outputWidths, readStepFigures, type StepSettings } from './step-computation.js';
import { outputLossesFor } from './train-step.js';

const X = [
  [1, -2],
  [0.5, 3],
  [-1, 1],
];
const Y = [1, -1, 1];
const kernel = [0.5, -0.25];
const bias = 0.75;
const mse: LossFunction = (labels, predictions) => tf.mean(tf.square(tf.sub(predictions, labels)));

/** Gradients of mean((x w + b - y)^2) by hand: [dw0, dw1, db]. */
function gradientsByHand(): number[] {
  const residual = X.map((row, r) => row[0]! * kernel[0]! + row[1]! * kernel[1]! + bias - Y[r]!);
  const dP = residual.map((e) => (2 * e) / X.length);
  return [0, 1].map((i) => X.reduce((s, row, r) => s + row[i]! * dP[r]!, 0)).concat([dP.reduce((s, v) => s + v, 0)]);
}

function linear() {
  const model = new Sequential({ layers: [new Dense({ units: 1 })] });
  model.ensureBuilt([1, 2]);
  const values = [tf.tensor2d(kernel, [2, 1]), tf.tensor1d([bias])];
  model.setWeights(values);
  tf.dispose(values);
  return model;
}

function settingsFor(model: Sequential, loss: LossFunction, extra: Partial<StepSettings> = {}): StepSettings {
  return { plan: outputLossesFor('test', model, { loss }), weightDecay: 0, sumGradients: false, ...extra };
}

describeEachBackend('computeStep', () => {
  test('the gradient sum is of the raw gradients; a weight with no gradient is left out in order', async () => {
    const model = linear();
    const other = new Dense({ units: 1 });
    other.ensureBuilt([1, 4]);
    const [x, y] = [tf.tensor2d(X), tf.tensor2d(Y, [3, 1])];
    try {
      const before = tf.memory().numTensors;
      // The unconnected weight first, so the updates must skip it and keep the others' order.
      const weights = [other.trainableWeights()[0]!, ...model.trainableWeights()];
      const step = computeStep(model, weights, [x], [y], {
        ...settingsFor(model, mse, { weightDecay: 0.5, clipNorm: 1e-3, clipValue: 1e-4 }),
        sumGradients: true,
        keepRaw: true,
      });
      const raw = gradientsByHand();
      const figures = await readStepFigures(step);
      expect(figures.gradientSum).toBeCloseTo(
        raw.reduce((s, g) => s + g, 0),
        5,
      );
      expect(step.updates.map((u) => u.variable)).toEqual(model.trainableWeights().map((w) => w.variable));
      expect(step.raw?.gradients.map((g) => g.weight)).toEqual(model.trainableWeights());
      const rawValues = (
        await Promise.all(step.raw!.gradients.map(async (g) => Array.from(await g.gradient.data())))
      ).flat();
      rawValues.forEach((v, k) => expect(v).toBeCloseTo(raw[k] as number, 5));
      // Decayed, clipped by value to 1e-4, then by norm (at most sqrt(3) 1e-4, under 1e-3: unchanged).
      const updates = (await Promise.all(step.updates.map(async (u) => Array.from(await u.gradient.data())))).flat();
      const decayed = raw.map((g, k) => g + (k < 2 ? 0.5 * (kernel[k] as number) : 0));
      updates.forEach((v, k) => expect(v).toBeCloseTo(Math.sign(decayed[k] as number) * 1e-4, 8));
      disposeStep(step);
      expect(tf.memory().numTensors).toBe(before);
    } finally {
      tf.dispose([x, y]);
      model.dispose();
      other.dispose();
    }
  });

  test('without a gradient sum the figures read 0 for it and the measures in layout order', async () => {
    const model = linear();
    const [x, y] = [tf.tensor2d(X), tf.tensor2d(Y, [3, 1])];
    const step = computeStep(model, model.trainableWeights(), [x], [y], settingsFor(model, mse));
    try {
      expect(step.gradientSum).toBeUndefined();
      const residual = X.map((row, r) => row[0]! * kernel[0]! + row[1]! * kernel[1]! + bias - Y[r]!);
      const loss = residual.reduce((s, e) => s + e * e, 0) / 3;
      const figures = await readStepFigures(step);
      expect(figures.gradientSum).toBe(0);
      expect(figures.loss).toBeCloseTo(loss, 5);
      expect(figures.values).toEqual([expect.closeTo(loss, 5)]);
      expect(step.layout).toEqual<MeasureLayout>({ names: ['loss'], counts: [false] });
    } finally {
      disposeStep(step);
      tf.dispose([x, y]);
      model.dispose();
    }
  });

  test('a measurement that fails after the gradients exist frees everything, kept or not', () => {
    const model = linear();
    // Accuracy of labels [3, 2, 2] against predictions [3, 1]: their shapes cannot be compared.
    const ignoresLabels: LossFunction = Object.assign(
      (_: tf.Tensor, p: tf.Tensor) => tf.mean(tf.square(p)) as tf.Scalar,
      {
        accuracyKind: 'categorical' as const,
      },
    );
    const [x, y] = [tf.tensor2d(X), tf.zeros([3, 2, 2])];
    try {
      const before = tf.memory().numTensors;
      for (const extra of [
        { keepRaw: true, sumGradients: true },
        { keepRaw: false, sumGradients: true, weightDecay: 0.5 },
        { keepRaw: true, clipNorm: 1 },
        { keepRaw: false },
      ])
        expect(() =>
          computeStep(model, model.trainableWeights(), [x], [y], settingsFor(model, ignoresLabels, extra)),
        ).toThrow();
      expect(tf.memory().numTensors).toBe(before);
    } finally {
      tf.dispose([x, y]);
      model.dispose();
    }
  });
});

describeEachBackend('outputWidths', () => {
  test('outputWidths: the last axis of each output, 1 for a scalar', () => {
    const outputs = [tf.zeros([4, 3]), tf.zeros([2, 5, 7]), tf.zeros([6]), tf.scalar(2)];
    try {
      expect(outputWidths(outputs)).toEqual([3, 7, 6, 1]);
    } finally {
      tf.dispose(outputs);
    }
  });
});
