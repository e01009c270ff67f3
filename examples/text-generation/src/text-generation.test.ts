import { describeEachBackend, expectNoLeakedTensors } from '@baihua/core/testing';
import { expect, test } from 'vitest';
import { perplexityLine, runTextGeneration, sampleLines } from './text-generation.js';

// After 习 comes 深, 机 or 。 - a bigram cannot tell which; a model that remembers the sentence can.
const text = '我们学习深度学习，我们学习机器学习。'.repeat(12);

describeEachBackend('examples/text-generation pipeline', (backend) => {
  // webgpu runs on SwiftShader (a software GPU) here: three epochs check the pipeline, not the figures.
  const small = backend === 'webgpu';
  test('a tiny run on a repeating text: the LSTM beats the bigram, lines as main.ts prints them', async () => {
    await expectNoLeakedTensors(async () => {
      const sample = { prompt: '我们', length: 6, temperature: 0.5, topK: 3, seed: 1 };
      const result = await runTextGeneration(text, {
        ...{ units: 16, layers: 1, embeddingSize: 8, epochs: small ? 3 : 30 },
        ...{ windowLength: 12, batchSize: 4, learningRate: 0.03, sample },
      });
      expect(result.heldOutCharacters).toBe(22); // the last 10% of 216 characters, contiguous
      expect(result.history.get('valLoss')).toHaveLength(small ? 3 : 30);
      if (!small) expect(result.model).toBeLessThan(result.bigram);
      expect(result.bigram).toBeLessThan(result.unigram);
      expect(perplexityLine(result)).toMatch(
        /^held-out perplexity: \d+\.\d\d \(bigram \d+\.\d\d, unigram \d+\.\d\d\)$/,
      );
      const [heading, body] = sampleLines(sample, result.sample);
      expect(heading).toBe('sample (prompt "我们", temperature 0.5, top-k 3, seed 1):');
      expect(Array.from(body)).toHaveLength(8);
    });
  }, 120_000);
});
