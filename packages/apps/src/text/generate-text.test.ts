import { describeEachBackend, expectNoLeakedTensors } from '@baihua/core/testing';
import * as tf from '@tensorflow/tfjs-core';
import { expect, test } from 'vitest';
import { CharLanguageModel, generateText, Vocabulary } from './index.js';

const vocabulary = Vocabulary.fromTexts(['床前明月光疑是地上霜']);

/** Greedy decoding, independently: rerun the whole prefix from zeros and take the arg-max (specials excluded). */
async function greedy(model: CharLanguageModel, prompt: string, length: number): Promise<string> {
  const ids = vocabulary.encode(prompt);
  for (let i = 0; i < length; i++) {
    const { logits, finalState } = model.run(tf.tensor2d([ids], undefined, 'int32'));
    const values = Array.from(await tf.slice(logits, [0, ids.length - 1, 0], [1, 1, -1]).data());
    tf.dispose([logits, ...finalState.flatMap((s) => [s.hidden, s.cell])]);
    const ordinary = values.slice(4);
    ids.push(4 + ordinary.indexOf(Math.max(...ordinary)));
  }
  return vocabulary.decodeText(ids.slice(-length));
}

describeEachBackend('text: generateText', (backend) => {
  const length = backend === 'webgpu' ? 4 : 12;

  test('temperature -> 0 and topK = 1 both give greedy decoding; the same seed gives the same text', async () => {
    const model = new CharLanguageModel({ vocabularySize: vocabulary.size, embeddingSize: 4, units: 8, seed: 6 });
    try {
      const expected = await greedy(model, '明月', length);
      expect(await generateText(model, vocabulary, { prompt: '明月', length, temperature: 1e-4, seed: 3 })).toBe(
        expected,
      );
      expect(await generateText(model, vocabulary, { prompt: '明月', length, topK: 1, temperature: 5, seed: 9 })).toBe(
        expected,
      );
      const options = { prompt: '明月', length, temperature: 3, topK: 6, seed: 11 };
      await expectNoLeakedTensors(async () => {
        const sample = await generateText(model, vocabulary, options);
        expect(await generateText(model, vocabulary, options)).toBe(sample);
        expect(Array.from(sample)).toHaveLength(length);
        for (const character of sample) expect(vocabulary.idOf(character)).toBeGreaterThan(3); // no specials
      });
    } finally {
      model.dispose();
    }
  }, 60_000);

  test('topK restricts draws to the k most likely next characters', async () => {
    const model = new CharLanguageModel({ vocabularySize: vocabulary.size, embeddingSize: 4, units: 8, seed: 7 });
    try {
      const { logits, finalState } = model.run(tf.tensor2d([vocabulary.encode('床前')], undefined, 'int32'));
      const next = Array.from(await tf.slice(logits, [0, 1, 4], [1, 1, -1]).data());
      tf.dispose([logits, ...finalState.flatMap((s) => [s.hidden, s.cell])]);
      const topTwo = [...next.keys()].sort((a, b) => (next[b] as number) - (next[a] as number)).slice(0, 2);
      const allowed = topTwo.map((i) => vocabulary.tokenOf(i + 4));
      const firsts = new Set<string>();
      for (let seed = 1; seed <= 12; seed++)
        firsts.add(
          await generateText(model, vocabulary, { prompt: '床前', length: 1, topK: 2, temperature: 50, seed }),
        );
      expect([...firsts].sort()).toEqual([...allowed].sort()); // a hot temperature draws both, never a third
    } finally {
      model.dispose();
    }
  }, 60_000);

  test('<unk> policy: unknown prompt characters read as <unk>, so two unknown characters continue alike', async () => {
    const model = new CharLanguageModel({ vocabularySize: vocabulary.size, embeddingSize: 4, units: 8, seed: 8 });
    try {
      const options = { length, temperature: 0.7, seed: 2 };
      const a = await generateText(model, vocabulary, { ...options, prompt: '月X光' });
      expect(await generateText(model, vocabulary, { ...options, prompt: '月Y光' })).toBe(a);
    } finally {
      model.dispose();
    }
  }, 60_000);
});
