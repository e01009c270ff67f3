import { Dense } from '@baihua/core';
import { describeEachBackend, expectNoLeakedTensors } from '@baihua/core/testing';
import * as tf from '@tensorflow/tfjs-core';
import { expect, test } from 'vitest';
import { embedImages } from './embed-images.js';
import { trainEmbedding, type TrainEmbeddingOptions } from './train-embedding.js';

const valid: TrainEmbeddingOptions = { mining: 'batch-hard', steps: 1, identitiesPerBatch: 2, samplesPerIdentity: 2 };

describeEachBackend('metric learning: bad input', () => {
  test('trainEmbedding names the function and argument; leaves no tensor and no changed weight', async () => {
    const model = new Dense({ units: 2, seed: 1 });
    const images = tf.ones([6, 3]);
    const labels = [0, 0, 1, 1, 2, 7];
    try {
      model.apply(images).dispose();
      const before = await model.weights()[0]?.variable.data();
      const cases: [Partial<TrainEmbeddingOptions> & Record<string, unknown>, string][] = [
        [{ mining: 'hardest' as never }, 'trainEmbedding: expected mining to be one of'],
        [{ steps: 0 }, 'trainEmbedding: expected steps'],
        [{ steps: 2.5 }, 'trainEmbedding: expected steps'],
        [{ margin: -0.1 }, 'trainEmbedding: expected margin'],
        [{ margin: Number.NaN }, 'trainEmbedding: expected margin'],
        [{ learningRate: 0 }, 'trainEmbedding: expected learningRate'],
        [
          { identitiesPerBatch: 4 },
          'trainEmbedding: expected identitiesPerBatch <= the number of identities (3), got 4',
        ],
        [
          { identitiesPerBatch: 5 },
          'trainEmbedding: expected identitiesPerBatch <= the number of identities (3), got 5',
        ],
        [{ samplesPerIdentity: 3 }, 'trainEmbedding: expected at least samplesPerIdentity = 3 rows per identity'],
        [{ stepz: 3 }, "trainEmbedding: unknown key 'stepz'"],
        [{ optimizer: {} as never }, 'trainEmbedding: expected optimizer to be an Optimizer'],
      ];
      await expectNoLeakedTensors(async () => {
        // Identities 2 and 7 have one row each: named.
        await expect(trainEmbedding(model, { images, labels }, valid)).rejects.toThrow(
          'trainEmbedding: expected at least samplesPerIdentity = 2 rows per identity, got fewer for 2 identities: ' +
            '2 (1), 7 (1)',
        );
        const paired = [0, 0, 1, 1, 2, 2];
        for (const [change, message] of cases)
          await expect(trainEmbedding(model, { images, labels: paired }, { ...valid, ...change })).rejects.toThrow(
            message,
          );
        await expect(trainEmbedding(model, { images, labels: [0, 0, 1] }, valid)).rejects.toThrow(
          'trainEmbedding: expected data.labels to have one entry per image (6), got 3',
        );
        const labelMatrix = tf.zeros([6, 1], 'int32');
        await expect(trainEmbedding(model, { images, labels: labelMatrix as tf.Tensor1D }, valid)).rejects.toThrow(
          'trainEmbedding: expected data.labels of rank 1, got rank 2',
        );
        labelMatrix.dispose();
        const vector = tf.ones([6]);
        await expect(trainEmbedding(model, { images: vector, labels: paired }, valid)).rejects.toThrow(
          'trainEmbedding: expected data.images of rank >= 2 ([N, ...]), got rank 1',
        );
        vector.dispose();
        await expect(trainEmbedding({} as never, { images, labels: paired }, valid)).rejects.toThrow(
          'trainEmbedding: expected model to be a Layer',
        );
      });
      expect(await model.weights()[0]?.variable.data()).toEqual(before);
    } finally {
      images.dispose();
      model.dispose();
    }
  });

  test('embedImages refuses an empty batch, a bad batchSize and unknown options, leaking nothing', async () => {
    const model = new Dense({ units: 2, seed: 1 });
    const empty = tf.zeros([0, 3]);
    const images = tf.ones([2, 3]);
    try {
      await expectNoLeakedTensors(() => {
        expect(() => embedImages(model, empty)).toThrow(
          'embedImages: expected images [N, ...] with N >= 1, got shape [0,3]',
        );
        expect(() => embedImages(model, images, { batchSize: 0 })).toThrow('embedImages: expected batchSize');
        expect(() => embedImages(model, images, { batch: 2 } as never)).toThrow("embedImages: unknown key 'batch'");
        expect(() => embedImages(model, 'x' as never)).toThrow('embedImages: expected images');
      });
    } finally {
      tf.dispose([empty, images]);
      model.dispose();
    }
  });
});
