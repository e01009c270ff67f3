import { describeEachBackend, expectNoLeakedTensors } from '@baihua/core/testing';
import * as tf from '@tensorflow/tfjs-core';
import { expect, test } from 'vitest';
import { Vocabulary } from '../text-common/vocabulary.js';
import { captionAttentionPng } from './caption-attention-png.js';
import { captionImages } from './caption-images.js';
import { captionTargets } from './caption-targets.js';
import { Captioner } from './captioner.js';
import { captionVocabulary } from './scene-grammar.js';
import { sequenceCrossEntropy } from '../text-common/sequence-cross-entropy.js';
import { trainCaptioner } from './train-captioner.js';

const vocabulary = captionVocabulary();
const tiny = () =>
  new Captioner({ vocabularySize: vocabulary.size, filters: [4, 4], embeddingSize: 4, hiddenSize: 8, seed: 3 });

describeEachBackend('captioning: bad input', () => {
  test('images of the wrong rank, channels, size or dtype, or none, are refused by name; nothing leaked', async () => {
    const captioner = tiny();
    const good = tf.zeros([1, 8, 8, 3]);
    tf.dispose(captioner.encode(good));
    try {
      await expectNoLeakedTensors(async () => {
        const cases: [number[], string][] = [
          [[8, 8, 3], '[8,8,3]'],
          [[1, 8, 8, 1], '[1,8,8,1]'],
          [[1, 10, 8, 3], '[1,10,8,3]'],
        ];
        for (const [shape, got] of cases) {
          const images = tf.zeros(shape);
          await expect(captionImages(captioner, images, vocabulary)).rejects.toThrow(
            `captionImages: expected images of shape [B, H, W, 3] with H and W divisible by 4, got ${got}`,
          );
          expect(() => captioner.encode(images)).toThrow(`Captioner.encode: expected images of shape [B, H, W, 3]`);
          images.dispose();
        }
        const empty = tf.zeros([0, 8, 8, 3]);
        await expect(trainCaptioner(captioner, empty, [], vocabulary)).rejects.toThrow(
          'trainCaptioner: expected images with at least one image, got an empty batch',
        );
        empty.dispose();
        const ints = tf.zeros([1, 8, 8, 3], 'int32');
        await expect(captionImages(captioner, ints, vocabulary)).rejects.toThrow(
          'captionImages: expected images of dtype float32, got int32',
        );
        ints.dispose();
        await expect(captionImages(captioner, [[1]] as never, vocabulary)).rejects.toThrow(
          'captionImages: expected images to be a tf.Tensor, got an array',
        );
      });
    } finally {
      good.dispose();
      captioner.dispose();
    }
  });

  test('empty captions, a wrong caption count, beam width < 1, a foreign vocabulary are refused', async () => {
    const captioner = tiny();
    const images = tf.zeros([2, 8, 8, 3]);
    tf.dispose(captioner.encode(images));
    try {
      await expectNoLeakedTensors(async () => {
        await expect(trainCaptioner(captioner, images, ['a red circle', ' '], vocabulary)).rejects.toThrow(
          'captionTargets: expected captions[1] to be a non-empty string, got " "',
        );
        await expect(trainCaptioner(captioner, images, ['a red circle'], vocabulary)).rejects.toThrow(
          'trainCaptioner: expected one caption per image (2), got 1',
        );
        await expect(captionImages(captioner, images, vocabulary, { beamWidth: 0 })).rejects.toThrow(
          'captionImages: expected beamWidth to be a positive integer, got 0',
        );
        await expect(captionImages(captioner, images, vocabulary, { beamWidht: 2 } as never)).rejects.toThrow(
          /captionImages: unknown key 'beamWidht'/,
        );
        await expect(captionImages(captioner, images, new Vocabulary(['x'], 'words'))).rejects.toThrow(
          `captionImages: expected a vocabulary of the captioner's size ${vocabulary.size}, got 5`,
        );
        await expect(trainCaptioner(captioner, images, ['a', 'b'], vocabulary, { epochs: 0 })).rejects.toThrow(
          'trainCaptioner: expected epochs to be a positive integer, got 0',
        );
        await expect(trainCaptioner(captioner, images, ['a', 'b'], vocabulary, { wordDropout: 1 })).rejects.toThrow(
          'trainCaptioner: expected wordDropout in [0, 1), got 1',
        );
      });
    } finally {
      images.dispose();
      captioner.dispose();
    }
  });

  test('a captioner without a vocabulary size is refused by name', () => {
    expect(() => new Captioner({ vocabularySize: 0 })).toThrow(
      'Captioner: expected vocabularySize to be a positive integer, got 0',
    );
    expect(() => new Captioner({ vocabularySize: 24, filter: [4] } as never)).toThrow(
      /Captioner: unknown key 'filter'/,
    );
  });

  test('unknown words become <unk> by default, or an error naming the word', () => {
    const { inputIds, targetIds, shape } = captionTargets(['a red hexagon'], vocabulary);
    expect(shape).toEqual([1, 4]);
    expect(Array.from(inputIds)).toEqual([1, 4, 9, 3]);
    expect(Array.from(targetIds)).toEqual([4, 9, 3, 2]);
    expect(() => captionTargets(['a red hexagon'], vocabulary, { unknown: 'error' })).toThrow(
      'Vocabulary.encode: expected known tokens, got "hexagon"',
    );
    expect(() => captionTargets([], vocabulary)).toThrow('captionTargets: expected captions to be a non-empty array');
  });

  test('sequenceCrossEntropy and captionAttentionPng refuse mismatched shapes', async () => {
    await expectNoLeakedTensors(async () => {
      const ids = tf.zeros([2, 3], 'int32');
      const logits = tf.zeros([2, 4, 5]);
      expect(() => sequenceCrossEntropy(ids, logits)).toThrow(
        'sequenceCrossEntropy: expected targetIds [B, T] to match logits [B, T, V], got [2,3] and [2,4,5]',
      );
      expect(() => sequenceCrossEntropy(logits, logits)).toThrow('sequenceCrossEntropy: expected targetIds of rank 2');
      const image = tf.zeros([8, 8, 3]);
      const row = [0.25, 0.25, 0.25, 0.25];
      await expect(captionAttentionPng(image, ['a', 'b'], [row])).rejects.toThrow(
        'captionAttentionPng: expected one weights row per word (2, or one more for <eos>), got 1',
      );
      await expect(captionAttentionPng(image, ['a'], [[0.5, 0.5]])).rejects.toThrow(
        'captionAttentionPng: expected weights[0] to be 2 finite numbers over a square grid',
      );
      await expect(captionAttentionPng(ids, ['a'], [row])).rejects.toThrow(
        'captionAttentionPng: expected image of shape [H, W, 3] or [1, H, W, 3], got [2,3]',
      );
      tf.dispose([ids, logits, image]);
    });
  });
});
