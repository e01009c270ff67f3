// Which loss and weight each output gets, and the refusals with their whole messages (survivors of
// the training-step mutation part): every check of checkLossOptions and resolveOutputLosses, weights
// of 0 and at their default, a record for one named output, and missing and unknown keys together.
import * as tf from '@tensorflow/tfjs-core';
import { expect, test } from 'vitest';
import type { LossFunction } from '../registry/loss-contract.js';
import { checkLossOptions, resolveOutputLosses } from './output-losses.js';

const mse: LossFunction = (labels, predictions) => tf.mean(tf.square(tf.sub(predictions, labels)));
const mae: LossFunction = (labels, predictions) => tf.mean(tf.abs(tf.sub(predictions, labels)));

test('checkLossOptions accepts a function or a record of functions, and weights that are finite and >= 0', () => {
  expect(() => checkLossOptions('fit', mse, undefined)).not.toThrow();
  expect(() => checkLossOptions('fit', { a: mse, b: mae }, { a: 0, b: 2.5 })).not.toThrow();
  expect(() => checkLossOptions('fit', Object.assign(Object.create(null), { a: mse }), {})).not.toThrow();
});

test('checkLossOptions refuses, naming function, option and value', () => {
  const refusals: [unknown, unknown, string][] = [
    [{}, undefined, 'evaluate: expected options.loss to name at least one output, got {}'],
    [
      { a: mse, b: 'mse' },
      undefined,
      'evaluate: expected options.loss.b to be a function (labels, predictions) => Scalar, got string',
    ],
    [
      { a: null },
      undefined,
      'evaluate: expected options.loss.a to be a function (labels, predictions) => Scalar, got null',
    ],
    [
      'mse',
      undefined,
      'evaluate: expected options.loss to be a function (labels, predictions) => Scalar, got string ' +
        '(a model with several outputs also takes a record { [outputName]: loss })',
    ],
    [
      [mse],
      undefined,
      'evaluate: expected options.loss to be a function (labels, predictions) => Scalar, got an array of 1 ' +
        '(a model with several outputs also takes a record { [outputName]: loss })',
    ],
    [mse, [1], 'evaluate: expected options.lossWeights to be a record { [outputName]: number }, got an array of 1'],
    [mse, 2, 'evaluate: expected options.lossWeights to be a record { [outputName]: number }, got number'],
    [mse, null, 'evaluate: expected options.lossWeights to be a record { [outputName]: number }, got null'],
    [mse, { a: 1, b: Number.NaN }, 'evaluate: expected lossWeights.b to be a finite number, got NaN'],
    [mse, { a: '1' }, 'evaluate: expected lossWeights.a to be a finite number, got 1'],
    [mse, { a: -0.5 }, 'evaluate: expected lossWeights.a >= 0, got -0.5'],
  ];
  for (const [loss, lossWeights, message] of refusals)
    expect(() => checkLossOptions('evaluate', loss, lossWeights)).toThrow(message);
});

test('resolveOutputLosses: one function for every output; a record by name; weights default to 1', () => {
  expect(resolveOutputLosses('fit', mse, undefined, undefined)).toEqual({
    losses: [mse],
    weights: [1],
    names: undefined,
  });
  expect(resolveOutputLosses('fit', mse, undefined, ['y'])).toEqual({ losses: [mse], weights: [1], names: undefined });
  expect(resolveOutputLosses('fit', { y: mae }, { y: 0 }, ['y'])).toEqual({
    losses: [mae],
    weights: [0],
    names: undefined,
  });
  const names = ['box', 'digit', 'size'];
  expect(resolveOutputLosses('fit', mse, { digit: 0.25 }, names)).toEqual({
    losses: [mse, mse, mse],
    weights: [1, 0.25, 1],
    names,
  });
  // Record keys in another order than the model's outputs: the model's order wins.
  expect(resolveOutputLosses('fit', { size: mse, digit: mae, box: mae }, { size: 3, box: 0 }, names)).toEqual({
    losses: [mae, mae, mse],
    weights: [0, 1, 3],
    names,
  });
});

test('resolveOutputLosses refuses keys that are not the outputs, with their whole messages', () => {
  const names = ['box', 'digit'];
  expect(() => resolveOutputLosses('trainStep', { box: mse, size: mse }, undefined, names)).toThrow(
    "trainStep: expected options.loss to have the keys of the model's outputs (box, digit), got missing 'digit' " +
      "and unknown 'size'",
  );
  expect(() => resolveOutputLosses('trainStep', { box: mse, digit: mse, size: mse }, undefined, names)).toThrow(
    "trainStep: expected options.loss to have the keys of the model's outputs (box, digit), got unknown 'size'",
  );
  expect(() => resolveOutputLosses('trainStep', mse, { box: 1, boxes: 2 }, names)).toThrow(
    "trainStep: expected options.lossWeights keys among the model's outputs (box, digit), got 'boxes'",
  );
  expect(() => resolveOutputLosses('fit', mse, { y: 1 }, undefined)).toThrow(
    "fit: expected options.lossWeights keys among the model's outputs (none: a plain layer has one unnamed " +
      "output), got 'y'",
  );
  expect(() => resolveOutputLosses('fit', { y: mse }, undefined, [])).toThrow(
    "fit: expected options.loss to have the keys of the model's outputs (none: a plain layer has one unnamed " +
      "output), got unknown 'y'",
  );
});
