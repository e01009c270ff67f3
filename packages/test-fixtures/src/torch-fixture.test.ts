import '@tensorflow/tfjs-backend-cpu';
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, test } from 'vitest';
import { loadTorchFixture, torchFixtureNames } from './index.js';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('loadTorchFixture', () => {
  test('gives tensors and numbers that tfjs reproduces', async () => {
    const sigmoid = loadTorchFixture('activations.cases', 'sigmoid');
    const x = sigmoid.tensor('x');
    const y = tf.sigmoid(x);
    const expected = sigmoid.spec('y');
    expect(y.shape).toEqual(expected.shape);
    const actual = await y.data();
    expected.data.forEach((e, i) => expect(actual[i]).toBeCloseTo(e, 5));
    tf.dispose([x, y]);
    expect(typeof loadTorchFixture('losses', 'mse_mean').number('loss')).toBe('number');
  });

  test('errors name what is missing and what exists', () => {
    expect(() => loadTorchFixture('nope', 'x')).toThrow(/no section 'nope' \(sections: .*activations/);
    expect(() => loadTorchFixture('losses', 'nope')).toThrow(/no case 'nope' in 'losses' \(cases: .*mse_mean/);
    const c = loadTorchFixture('losses', 'mse_mean');
    expect(() => c.get('nope')).toThrow(/has no key 'nope' \(keys: .*pred/);
    expect(() => c.number('pred')).toThrow(/'losses.mse_mean.pred' is not a number/);
    expect(() => c.spec('definition')).toThrow(/is not a tensor/);
  });

  test('torchFixtureNames lists a section', () => {
    expect(torchFixtureNames('activations.cases')).toContain('softmax_lastAxis');
    expect(torchFixtureNames('convPool').length).toBeGreaterThan(5);
  });

  test("'sequenceModels' loads from torch-sequence-models.json, consistent with its definitions", async () => {
    expect(torchFixtureNames('sequenceModels')).toEqual(
      expect.arrayContaining(['embedding_mask_bilstm', 'attention_dot_masks', 'additive_causal']),
    );
    const bilstm = loadTorchFixture('sequenceModels', 'embedding_mask_bilstm');
    const ids = bilstm.spec('ids').data;
    expect(bilstm.spec('mask').data).toEqual(ids.map((id) => (id === 0 ? 0 : 1)));
    expect(
      bilstm
        .spec('embeddings')
        .data.slice(0, 4)
        .some((v) => v !== 0),
    ).toBe(true);
    expect(bilstm.spec('dEmbeddings').data.slice(0, 4)).toEqual([0, 0, 0, 0]);
    const attention = loadTorchFixture('sequenceModels', 'attention_dot_masks');
    const scores = attention.tensor('scores');
    const rowSums = tf.sum(scores, -1);
    const sums = await rowSums.data();
    for (const sum of sums) expect(sum).toBeCloseTo(1, 6);
    tf.dispose([scores, rowSums]);
    expect(() => loadTorchFixture('sequenceModels', 'nope')).toThrow(/cases: embedding_mask_bilstm, attention_dot/);
  });

  test("'conv3d', 'kaldi' and 'style' load from torch-reference-2.json, matching their definitions", async () => {
    expect(torchFixtureNames('conv3d')).toEqual(expect.arrayContaining(['conv3d_2x3x2_full_s1_d1', 'maxPool3d_2_s2']));
    expect(loadTorchFixture('kaldi', 'kaldi_tone_noise').spec('mfcc').shape).toEqual([98, 13]);
    // The stored Gram matrix is F^T F / (H W) of the stored features: recompute it for batch item 0.
    const gram = loadTorchFixture('style', 'gram');
    const features = gram.tensor('features');
    const [, height, width, channels] = features.shape as number[];
    const flat = tf.reshape(tf.slice(features, [0, 0, 0, 0], [1, height, width, channels]), [-1, channels as number]);
    const product = tf.div(tf.matMul(flat, flat, true, false), (height as number) * (width as number));
    const actual = await product.data();
    const expected = gram.spec('y').data.slice(0, (channels as number) ** 2);
    expected.forEach((e, i) => expect(actual[i]).toBeCloseTo(e, 5));
    tf.dispose([features, flat, product]);
  });
});
