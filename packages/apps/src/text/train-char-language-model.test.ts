import { describeEachBackend, expectNoLeakedTensors, expectTensorsClose } from '@baihua/core/testing';
import * as tf from '@tensorflow/tfjs-core';
import { expect, test } from 'vitest';
import { CharLanguageModel, fitNGramBaseline, perplexity, splitCharCorpus, trainCharLanguageModel } from './index.js';

describeEachBackend('text: char language model', (backend) => {
  test('a stateful apply continues from the carried state: two halves give the logits of one run', async () => {
    const model = new CharLanguageModel({ vocabularySize: 8, embeddingSize: 3, units: 5, layers: 2, seed: 4 });
    try {
      const ids = tf.tensor2d(
        [
          [4, 5, 6, 7, 4, 4],
          [7, 6, 5, 4, 5, 6],
        ],
        undefined,
        'int32',
      );
      const whole = model.apply(ids) as tf.Tensor;
      model.state = model.zeroState(2);
      const first = model.apply(tf.slice(ids, [0, 0], [2, 3])) as tf.Tensor;
      const second = model.apply(tf.slice(ids, [0, 3], [2, 3])) as tf.Tensor;
      await expectTensorsClose(tf.concat([first, second], 1), whole, { atol: 1e-5 });
      expect(model.state).toHaveLength(2);
    } finally {
      model.dispose();
      tf.dispose(model.state?.flatMap((s) => [s.hidden, s.cell]));
    }
  });

  test('learns a repeating string with memory: perplexity near 1 where the bigram stays at 4^(1/3)', async () => {
    // "aab" repeated: after 'a' the bigram sees 'a' or 'b' half the time (perplexity 4^(1/3) = 1.59);
    // the LSTM remembers whether the previous character was 'a' too and becomes nearly certain.
    // webgpu (SwiftShader, a software GPU) runs a few steps only: the loss must fall, nothing leak.
    const small = backend === 'webgpu';
    const corpus = splitCharCorpus('aab'.repeat(small ? 12 : 60), { minCount: 1 });
    const vocabularySize = corpus.vocabulary.size;
    const model = new CharLanguageModel({ vocabularySize, embeddingSize: 4, units: small ? 6 : 12, seed: 5 });
    try {
      const options = { windowLength: 8, batchSize: small ? 2 : 4, epochs: small ? 4 : 40, learningRate: 0.03 };
      const history = await trainCharLanguageModel(model, corpus.trainIds, {
        ...options,
        validationIds: corpus.heldOutIds,
      });
      const modelPerplexity = await perplexity(model, corpus.heldOutIds);
      expect(Math.exp(history.last('valLoss') as number)).toBeCloseTo(modelPerplexity, 4);
      expect(history.get('loss')[0]).toBeGreaterThan((history.last('loss') as number) + (small ? 0.1 : 1));
      if (!small) {
        const bigram = fitNGramBaseline(corpus.trainIds, { order: 2, vocabularySize });
        expect(modelPerplexity).toBeLessThan(1.15);
        expect(await perplexity(bigram, corpus.heldOutIds)).toBeGreaterThan(1.5);
      }
      await expectNoLeakedTensors(() => trainCharLanguageModel(model, corpus.trainIds, { ...options, epochs: 1 }));
    } finally {
      model.dispose();
    }
  }, 120_000);
});
