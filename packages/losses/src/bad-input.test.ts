// Every public function rejects bad input synchronously, with a message naming the function and
// the argument, before it creates any tensor (no partial state, nothing to clean up).
import * as tf from '@tensorflow/tfjs-core';
import { ArgumentError, BaihuaError, ShapeError } from '@baihua/core';
import { describeEachBackend } from '@baihua/core/testing';
import { expect, test } from 'vitest';
import {
  batchHardTripletLoss,
  binaryFocalLoss,
  categoricalFocalLoss,
  contrastiveLoss,
  ctcLoss,
  distillationLoss,
  l2Penalty,
  meanSquaredError,
  multiClassHingeLoss,
  semiHardTripletLoss,
  sigmoidCrossEntropy,
  softmaxCrossEntropy,
  tripletLoss,
} from './index.js';

describeEachBackend('bad input across the package', () => {
  test('each error is a BaihuaError of the right class, thrown before any tensor is made', () => {
    const logits = tf.tensor2d([
      [1, 2, 3],
      [0, 1, 0],
    ]);
    const wide = tf.zeros([2, 4]);
    const sequence = tf.zeros([2, 3, 4]);
    const cases: [() => unknown, RegExp, typeof ShapeError | typeof ArgumentError][] = [
      [
        () => meanSquaredError(logits, wide),
        /^meanSquaredError: expected target and prediction to have the same shape/,
        ShapeError,
      ],
      [
        () => softmaxCrossEntropy([0, 1], logits, { labelSmoothing: 1 }),
        /^softmaxCrossEntropy: expected labelSmoothing in \[0, 1\)/,
        ArgumentError,
      ],
      [
        () => softmaxCrossEntropy([0, 9], logits),
        /^softmaxCrossEntropy: expected labels\[1\] to be a class index/,
        ArgumentError,
      ],
      [
        () => sigmoidCrossEntropy(wide, logits),
        /^sigmoidCrossEntropy: expected targets and logits to have the same shape/,
        ShapeError,
      ],
      [
        () => categoricalFocalLoss([0, 1], logits, { gamma: -0.5 }),
        /^categoricalFocalLoss: expected gamma >= 0, got -0.5/,
        ArgumentError,
      ],
      [
        () => binaryFocalLoss(logits, logits, { gamma: Number.NaN }),
        /^binaryFocalLoss: expected gamma to be a finite number, got NaN/,
        ArgumentError,
      ],
      [
        () => multiClassHingeLoss([0, 1], sequence),
        /^multiClassHingeLoss: expected logits of rank 2, got rank 3/,
        ShapeError,
      ],
      [
        () => distillationLoss([0, 1], logits, logits, { temperature: -1 }),
        /^distillationLoss: expected temperature > 0, got -1/,
        ArgumentError,
      ],
      [
        () => tripletLoss(logits, logits, wide),
        /^tripletLoss: expected anchor and negative to have the same shape/,
        ShapeError,
      ],
      [
        () => batchHardTripletLoss(logits, [0, 1], { margin: -1 }),
        /^batchHardTripletLoss: expected margin >= 0/,
        ArgumentError,
      ],
      [() => semiHardTripletLoss(logits, [0]), /^semiHardTripletLoss: expected labels of length 2/, ShapeError],
      [
        () => contrastiveLoss(logits, logits, [1, 1], { reduction: 'all' as never }),
        /^contrastiveLoss: expected reduction to be one of/,
        ArgumentError,
      ],
      [
        () => l2Penalty(logits, Number.POSITIVE_INFINITY),
        /^l2Penalty: expected lambda to be a finite number, got Infinity/,
        ArgumentError,
      ],
      [
        () => ctcLoss({ logits: sequence, targets: [[1], [2]], inputLengths: [3, 4], targetLengths: [1, 1] }),
        /^ctcLoss: expected inputLengths\[1\] <= 3 \(the T = 3 frames of logits \[2,3,4\] read as \[N, T, C\]/,
        ArgumentError,
      ],
    ];
    const before = tf.memory().numTensors;
    for (const [call, message, errorClass] of cases) {
      let caught: unknown;
      try {
        call();
      } catch (error) {
        caught = error;
      }
      expect(caught, String(message)).toBeInstanceOf(Error);
      expect((caught as Error).message).toMatch(message);
      expect(BaihuaError.isInstance(caught)).toBe(true);
      expect(errorClass.isInstance(caught)).toBe(true);
    }
    expect(tf.memory().numTensors).toBe(before);
    tf.dispose([logits, wide, sequence]);
  });
});
