// Every options object of the package rejects unknown keys with the closest known one (issue 11):
// in plain JavaScript `{ reduce: 'sum' }` used to give a mean without a word.
import * as tf from '@tensorflow/tfjs-core';
import { ArgumentError } from '@baihua/core';
import { describeEachBackend } from '@baihua/core/testing';
import { expect, test } from 'vitest';
import {
  batchHardTripletLoss,
  binaryFocalLoss,
  categoricalFocalLoss,
  contrastiveLoss,
  ctcLoss,
  distillationLoss,
  meanSquaredError,
  multiClassHingeLoss,
  semiHardTripletLoss,
  sigmoidCrossEntropy,
  softmaxCrossEntropy,
  totalVariationLoss,
  tripletLoss,
} from './index.js';

describeEachBackend('option keys', () => {
  test('a mistyped key in any loss throws, naming the function, the key and the closest known key', () => {
    const logits = tf.tensor2d([
      [1, 2, 3],
      [0, 1, 0],
    ]);
    const sequence = tf.zeros([2, 3, 4]);
    const ctc = { logits: sequence, targets: [[1], [2]], inputLengths: [3, 3], targetLengths: [1, 1] };
    const cases: [() => unknown, string, string][] = [
      [() => meanSquaredError(logits, logits, { reduce: 'sum' } as never), 'meanSquaredError', "'reduce'.*'reduction'"],
      [
        () => softmaxCrossEntropy([0, 1], logits, { labelSmothing: 0.1 } as never),
        'softmaxCrossEntropy',
        "'labelSmothing'.*'labelSmoothing'",
      ],
      [
        () => sigmoidCrossEntropy(logits, logits, { reductions: 'sum' } as never),
        'sigmoidCrossEntropy',
        "'reductions'.*'reduction'",
      ],
      [() => categoricalFocalLoss([0, 1], logits, { gama: 1 } as never), 'categoricalFocalLoss', "'gama'.*'gamma'"],
      [() => binaryFocalLoss(logits, logits, { alfa: 0.5 } as never), 'binaryFocalLoss', "'alfa'.*'alpha'"],
      [() => multiClassHingeLoss([0, 1], logits, { margn: 2 } as never), 'multiClassHingeLoss', "'margn'.*'margin'"],
      [
        () => distillationLoss([0, 1], logits, logits, { temprature: 2 } as never),
        'distillationLoss',
        "'temprature'.*'temperature'",
      ],
      [
        () => tripletLoss(logits, logits, logits, { distanse: 'euclidean' } as never),
        'tripletLoss',
        "'distanse'.*'distance'",
      ],
      [
        () => batchHardTripletLoss(logits, [0, 1], { Margin: 0.1 } as never),
        'batchHardTripletLoss',
        "'Margin'.*'margin'",
      ],
      [
        () => semiHardTripletLoss(logits, [0, 1], { reduce: 'none' } as never),
        'semiHardTripletLoss',
        "'reduce'.*'reduction'",
      ],
      [
        () => contrastiveLoss(logits, logits, [1, 0], { reduce: 'sum' } as never),
        'contrastiveLoss',
        "'reduce'.*'reduction'",
      ],
      [() => ctcLoss({ ...ctc, reduce: 'sum' } as never), 'ctcLoss', "'reduce'.*'reduction'"],
      [
        () => totalVariationLoss(sequence as never, { from: 'absolute' } as never),
        'totalVariationLoss',
        "'from'.*'form'",
      ],
    ];
    const before = tf.memory().numTensors;
    try {
      for (const [call, functionName, keys] of cases) {
        const pattern = new RegExp(`^${functionName}: unknown key ${keys}\\? known: `);
        for (let i = 0; i < 100; i++) expect(call).toThrow(pattern);
        expect(call).toThrow(ArgumentError);
      }
      expect(tf.memory().numTensors).toBe(before);
    } finally {
      tf.dispose([logits, sequence]);
    }
  });

  test('the known keys are listed, a non-object is refused, and a correct key still works', async () => {
    const a = tf.tensor1d([1, 2, 3]);
    const b = tf.tensor1d([1, 2, 5]);
    try {
      expect(() => meanSquaredError(a, b, { reduce: 'sum' } as never)).toThrow(
        "meanSquaredError: unknown key 'reduce' in options (did you mean 'reduction'? known: form, reduction)",
      );
      expect(() => meanSquaredError(a, b, 'sum' as never)).toThrow(
        'meanSquaredError: expected options to be an object, got string',
      );
      const sum = meanSquaredError(a, b, { reduction: 'sum' });
      expect(await sum.data()).toEqual(new Float32Array([4]));
      sum.dispose();
    } finally {
      tf.dispose([a, b]);
    }
  });
});
