// trainStep's update against the rule by hand in float64 (survivors of the training-step mutation
// part): plain SGD, L2 decay on the kernel only, clipValue and clipNorm each below and above the
// gradient (and both: value first, then norm), the figures it returns, non-finite gradients with a
// finite loss, and every refusal with its whole message, leaving nothing behind.
import * as tf from '@tensorflow/tfjs-core';
import { expect, test } from 'vitest';
import { Dense, Sequential } from '../layers/index.js';
import { Sgd } from '../optimizers/index.js';
import type { LossFunction } from '../registry/loss-contract.js';
import { describeEachBackend } from '../testing.js';
import { trainStep } from './train-step.js';

const W = [
  [0.5, -1],
  [2, 0.25],
  [-0.75, 1.5],
];
const B = [0.1, -0.2];
const X = [
  [1, 2, -1],
  [0.5, -1, 3],
  [-2, 0, 1],
];
const Y = [
  [1, 0],
  [0, 2],
  [-1, 1],
];
const mse: LossFunction = (labels, predictions) => tf.mean(tf.square(tf.sub(predictions, labels)));

/** Loss and gradients of the mean squared error of x W + b, by hand. */
function byHand() {
  const n = X.length;
  const P = X.map((row) => B.map((b, j) => b + row.reduce((s, v, i) => s + v * W[i]![j]!, 0)));
  const dP = P.map((row, r) => row.map((p, j) => (2 * (p - Y[r]![j]!)) / (n * 2)));
  const loss = P.flat().reduce((s, p, k) => s + (p - Y.flat()[k]!) ** 2, 0) / (n * 2);
  const dW = W.map((row, i) => row.map((_, j) => X.reduce((s, x, r) => s + x[i]! * dP[r]![j]!, 0)));
  const dB = B.map((_, j) => dP.reduce((s, row) => s + row[j]!, 0));
  return { loss, dW, dB };
}

type Options = { weightDecay?: number; clipValue?: number; clipNorm?: number };

/** The step SGD (lr 1) takes with these options, by hand: decay (kernel only), clip by value, then by norm. */
function stepByHand(options: Options): { dW: number[][]; dB: number[] } {
  const { dW, dB } = byHand();
  const decay = options.weightDecay ?? 0;
  let gW = dW.map((row, i) => row.map((g, j) => g + decay * W[i]![j]!));
  let gB = [...dB];
  const c = options.clipValue;
  if (c !== undefined) {
    gW = gW.map((row) => row.map((g) => Math.min(c, Math.max(-c, g))));
    gB = gB.map((g) => Math.min(c, Math.max(-c, g)));
  }
  if (options.clipNorm !== undefined) {
    const norm = Math.sqrt([...gW.flat(), ...gB].reduce((s, g) => s + g * g, 0));
    const scale = options.clipNorm / Math.max(norm, options.clipNorm);
    gW = gW.map((row) => row.map((g) => g * scale));
    gB = gB.map((g) => g * scale);
  }
  return { dW: gW, dB: gB };
}

function linear() {
  const model = new Sequential({ layers: [new Dense({ units: 2 })] });
  model.ensureBuilt([1, 3]);
  const values = [tf.tensor2d(W), tf.tensor1d(B)];
  model.setWeights(values);
  tf.dispose(values);
  return model;
}

async function stepTaken(options: Options) {
  const model = linear();
  const [x, y] = [tf.tensor2d(X), tf.tensor2d(Y)];
  const optimizer = new Sgd({ learningRate: 1 });
  try {
    const result = await trainStep(model, { x, y }, { loss: mse, optimizer, ...options });
    const [kernel, bias] = await Promise.all(model.weights().map(async (w) => Array.from(await w.read().data())));
    return { result, dW: W.flat().map((w, k) => w - kernel![k]!), dB: B.map((b, k) => b - bias![k]!) };
  } finally {
    tf.dispose([x, y]);
    model.dispose();
    optimizer.dispose();
  }
}

describeEachBackend('trainStep against the update rule by hand', () => {
  const { loss, dW, dB } = byHand();
  const norm = Math.sqrt([...dW.flat(), ...dB].reduce((s, g) => s + g * g, 0));
  const largest = Math.max(...[...dW.flat(), ...dB].map(Math.abs));

  test('the gradient by hand is what the clipping cases below need', () => {
    expect(norm).toBeGreaterThan(1);
    expect(largest).toBeGreaterThan(0.5);
  });

  for (const [name, options] of [
    ['plain', {}],
    ['weightDecay 0.5 (kernel only)', { weightDecay: 0.5 }],
    ['clipValue above every element', { clipValue: largest * 1.01 }],
    ['clipValue at the largest element', { clipValue: largest }],
    ['clipValue below some elements', { clipValue: largest / 3 }],
    ['clipNorm above the norm', { clipNorm: norm * 1.01 }],
    ['clipNorm below the norm', { clipNorm: norm / 3 }],
    ['clipValue, then clipNorm, after decay', { weightDecay: 0.25, clipValue: largest / 2, clipNorm: norm / 4 }],
  ] as [string, Options][]) {
    test(`${name}: the step and the loss are the rule's`, async () => {
      const taken = await stepTaken(options);
      const expected = stepByHand(options);
      expect(taken.result).toEqual({ loss: expect.closeTo(loss, 5) });
      taken.dW.forEach((v, k) => expect(v).toBeCloseTo(expected.dW.flat()[k] as number, 5));
      taken.dB.forEach((v, k) => expect(v).toBeCloseTo(expected.dB[k] as number, 5));
    });
  }

  test('a finite loss, non-finite gradients: throws before any update; stopOnNonFinite: false applies it', async () => {
    // sqrt(|p - y|) has an infinite slope where p = y: a finite loss, a NaN or infinite gradient.
    const rootLoss: LossFunction = (labels, predictions) => tf.mean(tf.sqrt(tf.abs(tf.sub(predictions, labels))));
    const model = linear();
    const x = tf.tensor2d(X);
    const y = tf.tidy(() => model.apply(x)); // every prediction equals its label
    const optimizer = new Sgd({ learningRate: 1 });
    try {
      const before = tf.memory().numTensors;
      await expect(trainStep(model, { x, y }, { loss: rootLoss, optimizer })).rejects.toThrow(
        new RegExp(
          '^trainStep: expected a finite loss and finite gradients, got a non-finite gradient ' +
            '\\(sum of the gradients (NaN|-?Infinity)\\) with loss 0 in this step; the weights were left',
        ),
      );
      expect(tf.memory().numTensors).toBe(before);
      const kernel = Array.from(await model.weights()[0]!.read().data());
      kernel.forEach((v, k) => expect(v).toBeCloseTo(W.flat()[k] as number, 6));
      const result = await trainStep(model, { x, y }, { loss: rootLoss, optimizer, stopOnNonFinite: false });
      expect(result).toEqual({ loss: 0 });
      expect(Array.from(await model.weights()[0]!.read().data()).some((v) => !Number.isFinite(v))).toBe(true);
    } finally {
      tf.dispose([x, y]);
      model.dispose();
      optimizer.dispose();
    }
  });

  test('accuracy is the fraction of rows right; a loss without accuracyKind reports none', async () => {
    const model = linear();
    const x = tf.tensor2d(X);
    // Class of each row: row 0 predicts column 0 (0.5 + 4 + 0.75 + 0.1 > -1 + 0.5 - 1.5 - 0.2), etc.
    const logits = X.map((row) => B.map((b, j) => b + row.reduce((s, v, i) => s + v * W[i]![j]!, 0)));
    const predicted = logits.map((row) => row.indexOf(Math.max(...row)));
    const labels = [predicted[0]!, 1 - predicted[1]!, predicted[2]!]; // two of three right
    const y = tf.tensor1d(labels, 'int32');
    const crossEntropy: LossFunction = Object.assign(
      (l: tf.Tensor, p: tf.Tensor) => tf.losses.softmaxCrossEntropy(tf.oneHot(tf.cast(l, 'int32'), 2), p) as tf.Scalar,
      { accuracyKind: 'categorical' as const },
    );
    const [yRegression, optimizer] = [tf.tensor2d(Y), new Sgd({ learningRate: 1e-9 })];
    try {
      const result = await trainStep(model, { x, y }, { loss: crossEntropy, optimizer });
      expect(Object.keys(result).sort()).toEqual(['accuracy', 'loss']);
      expect(result.accuracy).toBeCloseTo(2 / 3, 6);
      const none = await trainStep(model, { x, y: yRegression }, { loss: mse, optimizer, metrics: [] });
      expect(Object.keys(none)).toEqual(['loss']);
    } finally {
      tf.dispose([x, y, yRegression]);
      model.dispose();
      optimizer.dispose();
    }
  });
});

describeEachBackend('trainStep refusals', () => {
  test('trainStep refuses bad arguments with whole messages and leaves nothing behind', async () => {
    const model = linear();
    const frozen = new Sequential({ name: 'frozen', layers: [new Dense({ units: 2 })], trainable: false });
    const [x, y] = [tf.tensor2d(X), tf.tensor2d(Y)];
    const optimizer = new Sgd();
    const batch = { x, y };
    const base = { loss: mse, optimizer };
    try {
      const before = tf.memory().numTensors;
      const refusals: [unknown, unknown, string][] = [
        [model, undefined, 'trainStep: expected an options object with { loss, optimizer }'],
        [model, { ...base, weightDecay: -0.1 }, 'trainStep: expected weightDecay >= 0, got -0.1'],
        [model, { ...base, clipValue: 0 }, 'trainStep: expected clipValue > 0, got 0'],
        [model, { ...base, clipNorm: 0 }, 'trainStep: expected clipNorm > 0, got 0'],
        [model, { ...base, clipNorm: Number.NaN }, 'trainStep: expected clipNorm to be a finite number, got NaN'],
        [
          model,
          { ...base, stopOnNonFinite: 'yes' },
          'trainStep: expected stopOnNonFinite to be true or false, got yes',
        ],
        [model, { ...base, stopOnNonFinite: 0 }, 'trainStep: expected stopOnNonFinite to be true or false, got 0'],
        [model, { ...base, metrics: 'accuracy' }, "trainStep: expected metrics to be an array such as ['accuracy']"],
        [
          model,
          { ...base, classWeights: { a: 1 } },
          "trainStep: expected classWeights keys to be class indices, got 'a'",
        ],
        [
          model,
          { loss: mse, optimizer: {} },
          'trainStep: expected options.optimizer to be an Optimizer (Sgd, Adam, RmsProp)',
        ],
        [null, base, 'trainStep: expected model to be a Layer, got null'],
        [7, base, 'trainStep: expected model to be a Layer, got number'],
        [{ apply: () => x }, base, 'trainStep: expected model to be a Layer, got object'],
        [frozen, base, "trainStep: model 'frozen' has no trainable weights (are all its layers frozen?)"],
      ];
      for (const [m, options, message] of refusals)
        await expect(trainStep(m as never, batch, options as never)).rejects.toThrow(message);
      expect(tf.memory().numTensors).toBe(before + frozen.weights().length);
      // Zero is a valid decay and a tiny limit a valid clip.
      await expect(
        trainStep(model, batch, { ...base, weightDecay: 0, clipValue: 1e-9, clipNorm: 1e-9, stopOnNonFinite: false }),
      ).resolves.toEqual({ loss: expect.any(Number) });
    } finally {
      tf.dispose([x, y]);
      model.dispose();
      frozen.dispose();
      optimizer.dispose();
    }
  });
});
