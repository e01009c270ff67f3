import { describeEachBackend, expectNoLeakedTensors } from '@baihua/core/testing';
import * as tf from '@tensorflow/tfjs-core';
import { expect, test } from 'vitest';
import {
  CharLanguageModel,
  fitNGramBaseline,
  meanNegativeLogLikelihood,
  type NextTokenScorer,
  perplexity,
} from './index.js';

/** A hand-made bigram table over ids 0..4: p(next | previous), rows summing to 1. */
const table = [
  [0.2, 0.2, 0.2, 0.2, 0.2],
  [0.1, 0.1, 0.5, 0.2, 0.1],
  [0.25, 0.25, 0.25, 0.125, 0.125],
  [0.2, 0.2, 0.2, 0.2, 0.2],
  [0.5, 0.2, 0.1, 0.1, 0.1],
];
const tableScorer: NextTokenScorer = {
  vocabularySize: 5,
  logProbabilities: (ids) =>
    Float64Array.from(ids.slice(1), (next, t) => Math.log(table[ids[t] as number]?.[next] ?? 0)),
};

describeEachBackend(
  'text: perplexity by hand',
  () => {
    test('a hand-made probability table: ids 1 2 4 0 score p = 0.5, 0.125, 0.5 -> perplexity 32^(1/3)', async () => {
      // exp(-(ln 0.5 + ln 0.125 + ln 0.5) / 3) = (1 / 0.03125)^(1/3) = 32^(1/3) = 3.1748
      expect(await perplexity(tableScorer, [1, 2, 4, 0])).toBeCloseTo(3.174802, 5);
      expect(await meanNegativeLogLikelihood(tableScorer, [1, 2, 4, 0])).toBeCloseTo(Math.log(32) / 3, 10);
    });

    test('add-k baselines counted by hand: unigram 7/2.5 = 2.8, bigram 0.025^(-1/3) = 3.42', async () => {
      // Training ids 4 5 4 5 4, V = 6, k = 0.5. Unigram counts ids[1..]: n(4) = 2, n(5) = 2, N = 4:
      // p(4) = p(5) = 2.5 / (4 + 3). Bigram: n(4,5) = 2, n(5,4) = 2: p(5|4) = p(4|5) = 2.5 / 5 = 0.5,
      // p(4|4) = 0.5 / 5 = 0.1. Held-out 4 5 4 4 scores p(5|4) p(4|5) p(4|4) = 0.025.
      const train = [4, 5, 4, 5, 4];
      const unigram = fitNGramBaseline(train, { order: 1, vocabularySize: 6, addK: 0.5 });
      const bigram = fitNGramBaseline(train, { order: 2, vocabularySize: 6, addK: 0.5 });
      expect(await perplexity(unigram, [4, 5, 4, 4])).toBeCloseTo(2.8, 10);
      expect(await perplexity(bigram, [4, 5, 4, 4])).toBeCloseTo(0.025 ** (-1 / 3), 10);
      // Laplace (k = 1, the default) gives an unseen id 1 / (n(b, .) + V): p(3 | 4) = 1 / 8.
      expect(fitNGramBaseline(train, { order: 2, vocabularySize: 6 }).logProbability(4, 3)).toBeCloseTo(
        Math.log(1 / 8),
        12,
      );
    });

    test('a model with all weights zero guesses uniformly: perplexity = vocabulary size exactly', async () => {
      const model = new CharLanguageModel({ vocabularySize: 9, embeddingSize: 3, units: 4, seed: 2 });
      try {
        model.ensureBuilt([1, 1]);
        model.setWeights(model.getWeights().map((w) => tf.zerosLike(w)));
        expect(await perplexity(model, [4, 5, 6, 7, 8, 3, 4])).toBeCloseTo(9, 4);
      } finally {
        model.dispose();
      }
    });
  },
  { backends: ['cpu'] },
);

describeEachBackend('text: model perplexity', (backend) => {
  test('chunked, stateful scoring equals one run from zeros, picked and averaged by hand', async () => {
    const length = backend === 'webgpu' ? 40 : 300; // over 256: two chunks carry the state
    const ids = Array.from({ length }, (_, i) => 4 + ((i * 7 + (i >> 3)) % 6));
    const model = new CharLanguageModel({ vocabularySize: 10, embeddingSize: 4, units: 6, layers: 2, seed: 3 });
    try {
      const { logits, finalState } = model.run(tf.tensor2d([ids], undefined, 'int32'));
      const logProbabilities = tf.logSoftmax(tf.reshape(logits, [length, 10]));
      const values = (await logProbabilities.data()) as Float32Array;
      tf.dispose([logits, logProbabilities, ...finalState.flatMap((s) => [s.hidden, s.cell])]);
      let sum = 0;
      for (let t = 1; t < length; t++) sum += values[(t - 1) * 10 + (ids[t] as number)] as number;
      const expected = Math.exp(-sum / (length - 1));
      await expectNoLeakedTensors(async () => {
        expect(await perplexity(model, ids)).toBeCloseTo(expected, 3);
      });
    } finally {
      model.dispose();
    }
  }, 60_000);
});
