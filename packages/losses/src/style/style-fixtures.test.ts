// gramMatrix, contentLoss and styleLoss against PyTorch float64 (torch-reference-2.json, section
// `style`), values and gradients, with the fixture README's tolerance (1e-5 + 1e-4 max |e|).
import * as tf from '@tensorflow/tfjs-core';
import { describeEachBackend, expectTensorsClose } from '@baihua/core/testing';
import { loadTorchFixture } from '@baihua/test-fixtures';
import { test } from 'vitest';
import { expectLossAndGradients } from '../../test/loss-and-gradients.js';
import { contentLoss } from './content-loss.js';
import { gramMatrix } from './gram-matrix.js';
import { styleLoss } from './style-loss.js';

describeEachBackend('style-transfer losses match PyTorch', () => {
  test('gram: G = F^T F / (H W) per batch item, and the gradient of sum(G * dy)', async () => {
    const c = loadTorchFixture('style', 'gram');
    const features = c.tensor('features') as tf.Tensor4D;
    const dy = c.tensor('dy');
    const gram = gramMatrix(features);
    const dfeatures = tf.grad((f: tf.Tensor) => tf.sum(tf.mul(gramMatrix(f as tf.Tensor4D), dy)))(features);
    try {
      await expectTensorsClose(gram, c.spec('y'));
      await expectTensorsClose(dfeatures, c.spec('dfeatures'));
    } finally {
      tf.dispose([features, dy, gram, dfeatures]);
    }
  });

  test("contentLoss: the seed's 1/2 sum (F - P)^2 over the batch, and its gradient F - P", async () => {
    const c = loadTorchFixture('style', 'contentLoss');
    const features = c.tensor('features');
    const target = c.tensor('target') as tf.Tensor4D;
    try {
      await expectLossAndGradients((f) => contentLoss(f as tf.Tensor4D, target), [features], {
        value: c.number('loss'),
        gradients: [c.spec('dfeatures')],
      });
    } finally {
      tf.dispose([features, target]);
    }
  });

  test('styleLoss: sum (G(F) - G(S))^2 over the batch, from style features and from their Gram', async () => {
    const c = loadTorchFixture('style', 'styleLoss');
    const features = c.tensor('features');
    const style = c.tensor('style') as tf.Tensor4D;
    const styleGram = gramMatrix(style);
    try {
      const expected = { value: c.number('loss'), gradients: [c.spec('dfeatures')] };
      await expectLossAndGradients((f) => styleLoss(f as tf.Tensor4D, style), [features], expected);
      await expectLossAndGradients((f) => styleLoss(f as tf.Tensor4D, styleGram), [features], expected);
    } finally {
      tf.dispose([features, style, styleGram]);
    }
  });
});
