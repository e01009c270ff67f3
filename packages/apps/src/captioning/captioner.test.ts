import { describeEachBackend, expectNoLeakedTensors, expectTensorsClose } from '@baihua/core/testing';
import * as tf from '@tensorflow/tfjs-core';
import { expect, test } from 'vitest';
import { captionImages } from './caption-images.js';
import { captionScenes } from './caption-scenes.js';
import { captionTargets } from './caption-targets.js';
import { Captioner } from './captioner.js';
import { corpusBleu } from './corpus-bleu.js';
import { captionVocabulary } from './scene-grammar.js';
import { sequenceCrossEntropy } from '../text-common/sequence-cross-entropy.js';
import { trainCaptioner } from './train-captioner.js';

const vocabulary = captionVocabulary();

describeEachBackend('captioning: model', (backend) => {
  test('the layer gives the teacher-forced logits; attention over the 2 x 2 grid sums to 1 per word', async () => {
    const captioner = new Captioner({ vocabularySize: vocabulary.size, filters: [4, 6], hiddenSize: 8, seed: 2 });
    const images = tf.randomUniform([2, 8, 8, 3], 0, 1, 'float32', 4);
    const { inputIds, shape } = captionTargets(['a red circle', 'two blue squares above a red circle'], vocabulary);
    const ids = tf.tensor2d(inputIds, shape, 'int32');
    tf.dispose(captioner.apply([images, ids])); // builds the encoder's weights
    try {
      await expectNoLeakedTensors(async () => {
        const logits = captioner.apply([images, ids]);
        const forced = captioner.teacherForce(images, ids);
        expect(logits.shape).toEqual([2, 8, vocabulary.size]);
        expect(forced.weights.shape).toEqual([2, 8, 4]);
        await expectTensorsClose(forced.logits, logits, { atol: 1e-5 });
        const sums = tf.sum(forced.weights, 2);
        await expectTensorsClose(sums, { shape: [2, 8], data: new Array(16).fill(1) }, { atol: 1e-5 });
        tf.dispose([logits, forced.logits, forced.weights, sums]);
      });
    } finally {
      tf.dispose([images, ids]);
      captioner.dispose();
    }
  });

  test('sequenceCrossEntropy is the mean of -log p over real target tokens (by hand); padding is ignored', async () => {
    const logitRows = [
      [1, 2, 0.5],
      [0, 0, 3],
      [9, -9, 4], // a padded position: any logits
      [2, 2, 2],
    ];
    const logits = tf.tensor3d(logitRows.flat(), [2, 2, 3]);
    const ids = tf.tensor2d([1, 2, 0, 2], [2, 2], 'int32');
    const nll = (row: number[], k: number) => Math.log(row.reduce((s, v) => s + Math.exp(v), 0)) - (row[k] as number);
    const expected =
      (nll(logitRows[0] as number[], 1) + nll(logitRows[1] as number[], 2) + nll(logitRows[3] as number[], 2)) / 3;
    const loss = sequenceCrossEntropy(ids, logits);
    try {
      expect((await loss.data())[0]).toBeCloseTo(expected, 5);
    } finally {
      tf.dispose([logits, ids, loss]);
    }
  });

  test('training beats the untrained captioner on its scenes; greedy and beam decoding both beat it', async () => {
    // webgpu (SwiftShader here) trains 2 epochs and decodes 4 scenes greedily, to stay quick: it is asked
    // for less progress, and BLEU is compared on the other backends.
    const quick = backend === 'webgpu';
    const train = captionScenes({ count: 48, seed: 7, size: 16 });
    const captioner = new Captioner({
      vocabularySize: vocabulary.size,
      filters: [8, 16],
      embeddingSize: 8,
      hiddenSize: 24,
      seed: 1,
    });
    try {
      const references = train.captions.map((caption) => [caption]);
      const before = quick ? undefined : await captionImages(captioner, train.images, vocabulary, { maxLength: 10 });
      const { losses } = await trainCaptioner(captioner, train.images, train.captions, vocabulary, {
        epochs: quick ? 2 : 12,
        batchSize: 16,
        learningRate: 0.01,
      });
      expect(losses.at(-1)).toBeLessThan((losses[0] as number) * (quick ? 0.97 : 0.7));
      const shown = quick ? tf.slice(train.images, [0, 0, 0, 0], [4, 16, 16, 3]) : train.images;
      const greedy = await captionImages(captioner, shown, vocabulary, { maxLength: 10 });
      if (quick) shown.dispose();
      if (before !== undefined) {
        const beam = await captionImages(captioner, train.images, vocabulary, { maxLength: 10, beamWidth: 3 });
        const bleu = (captions: string[]) => corpusBleu(captions, references, { maxOrder: 2 }).bleu[1] as number;
        expect(bleu(greedy.captions)).toBeGreaterThan(bleu(before.captions) + 0.2);
        expect(bleu(beam.captions)).toBeGreaterThan(bleu(before.captions) + 0.2);
      }
      // One attention row per word, and one for <eos> unless cut at maxLength; each a distribution over 4 x 4.
      const [rows, words] = [greedy.weights[0] ?? [], greedy.words[0] ?? []];
      expect([words.length, words.length + 1]).toContain(rows.length);
      for (const row of rows) {
        expect(row).toHaveLength(16);
        expect(row.reduce((sum, a) => sum + a, 0)).toBeCloseTo(1, 4);
      }
    } finally {
      train.images.dispose();
      captioner.dispose();
    }
  }, 240_000);
});
