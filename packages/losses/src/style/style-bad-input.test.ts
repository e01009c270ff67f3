// Bad input to the style-transfer losses: each a ShapeError or ArgumentError naming the function and
// the argument, thrown before any tensor is made (a failing call repeated leaks nothing).
import * as tf from '@tensorflow/tfjs-core';
import { ArgumentError, ShapeError } from '@baihua/core';
import { describeEachBackend } from '@baihua/core/testing';
import { expect, test } from 'vitest';
import { contentLoss, gramMatrix, styleLoss, totalVariationLoss } from '../index.js';

type Case = [() => unknown, string, typeof ShapeError | typeof ArgumentError];

describeEachBackend('style-transfer losses: bad input', () => {
  test('wrong rank, dtype, empty sizes, channel and batch mismatches, unknown options', () => {
    const features = tf.zeros([2, 4, 5, 3]) as tf.Tensor4D;
    const image = tf.zeros([4, 5, 3]);
    const ints = tf.zeros([2, 4, 5, 3], 'int32');
    const empty = tf.zeros([0, 4, 5, 3]);
    const fourChannels = tf.zeros([1, 4, 5, 4]);
    const threeBatches = tf.zeros([3, 2, 2, 3]);
    const nonSquare = tf.zeros([1, 3, 4]);
    const vector = tf.zeros([3]);
    const emptyStyle = tf.zeros([1, 0, 5, 3]);
    const intGram = tf.zeros([1, 3, 3], 'int32');
    const tallGram = tf.zeros([1, 4, 3]);
    const as4 = (t: tf.Tensor) => t as tf.Tensor4D;
    const cases: Case[] = [
      [() => gramMatrix(as4(image)), 'gramMatrix: expected features of rank 4, got rank 3 (shape [4,5,3])', ShapeError],
      [() => gramMatrix(as4(ints)), 'gramMatrix: expected features of dtype float32, got int32', ShapeError],
      [
        () => gramMatrix([[1]] as never),
        'gramMatrix: expected features to be a tf.Tensor, got an array',
        ArgumentError,
      ],
      [
        () => gramMatrix(as4(empty)),
        'gramMatrix: expected features [B, H, W, C] with every size >= 1, got shape [0,4,5,3]',
        ShapeError,
      ],
      [
        () => contentLoss(features, as4(threeBatches)),
        'contentLoss: expected features and target to have the same shape, got [2,4,5,3] and [3,2,2,3]',
        ShapeError,
      ],
      [() => contentLoss(features, as4(image)), 'contentLoss: expected target of rank 4, got rank 3', ShapeError],
      [() => contentLoss(as4(empty), as4(empty)), 'contentLoss: expected features [B, H, W, C] with every', ShapeError],
      [() => styleLoss(as4(image), features), 'styleLoss: expected features of rank 4, got rank 3', ShapeError],
      [() => styleLoss(features, as4(vector)), 'styleLoss: expected style of rank 3 or 4, got rank 1', ShapeError],
      [
        () => styleLoss(features, as4(fourChannels)),
        "styleLoss: expected style of shape [*, *, *, 3] to match features' 3 channels, got shape [1,4,5,4]",
        ShapeError,
      ],
      [
        () => styleLoss(features, nonSquare as tf.Tensor3D),
        "styleLoss: expected style of shape [*, 3, 3] (a Gram matrix) to match features' 3 channels, got shape [1,3,4]",
        ShapeError,
      ],
      [
        () => styleLoss(features, as4(threeBatches)),
        'styleLoss: expected style of batch 2 (as features) or 1, got batch 3 (shapes [2,4,5,3] and [3,2,2,3])',
        ShapeError,
      ],
      [() => styleLoss(features, as4(ints)), 'styleLoss: expected style of dtype float32, got int32', ShapeError],
      [
        () => styleLoss(features, as4(emptyStyle)),
        'styleLoss: expected style [B, H, W, C] with every size >= 1, got shape [1,0,5,3]',
        ShapeError,
      ],
      [
        () => styleLoss(features, intGram as tf.Tensor3D),
        'styleLoss: expected style of dtype float32, got int32',
        ShapeError,
      ],
      [
        () => styleLoss(features, tallGram as tf.Tensor3D),
        "styleLoss: expected style of shape [*, 3, 3] (a Gram matrix) to match features' 3 channels, got shape [1,4,3]",
        ShapeError,
      ],
      [() => totalVariationLoss(as4(image)), 'totalVariationLoss: expected images of rank 4, got rank 3', ShapeError],
      [
        () => totalVariationLoss(features, { from: 'absolute' } as never),
        "totalVariationLoss: unknown key 'from' in options (did you mean 'form'? known: form)",
        ArgumentError,
      ],
      [
        () => totalVariationLoss(features, { form: 'l1' } as never),
        "totalVariationLoss: expected form to be one of 'squared', 'absolute', got \"l1\"",
        ArgumentError,
      ],
    ];
    const before = tf.memory().numTensors;
    try {
      for (const [call, message, errorClass] of cases) {
        for (let i = 0; i < 100; i++) expect(call).toThrow(message);
        expect(call).toThrow(errorClass);
      }
      expect(tf.memory().numTensors).toBe(before);
    } finally {
      tf.dispose([features, image, ints, empty, fourChannels, threeBatches, nonSquare, vector]);
      tf.dispose([emptyStyle, intGram, tallGram]);
    }
  });
});
