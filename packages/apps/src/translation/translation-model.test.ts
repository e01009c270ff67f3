import { ArgumentError } from '@baihua/core';
import { describeEachBackend, expectNoLeakedTensors, expectTensorsClose } from '@baihua/core/testing';
import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, test } from 'vitest';
import { Vocabulary } from '../text-common/vocabulary.js';
import { sequenceCrossEntropy } from '../text-common/sequence-cross-entropy.js';
import { trainTranslation } from './train-translation.js';
import { translate } from './translate.js';
import { translationBatch } from './translation-batch.js';
import { TranslationModel } from './translation-model.js';

const zh = Vocabulary.fromTexts(['零一二三四五六七八九十百千万亿']);
const digits = Vocabulary.fromTexts(['0123456789']);
const tinyModel = (seed = 1) =>
  new TranslationModel({ sourceVocabulary: zh, targetVocabulary: digits, embeddingSize: 6, hiddenSize: 8, seed });

describe('sequenceCrossEntropy', () => {
  test('averages -log p(label) over real positions only (hand-computed), no gradient at padding', async () => {
    const logits = tf.tensor3d([
      [
        [0, Math.log(3), 0],
        [5, -2, 1],
      ],
    ]);
    const labels = tf.tensor2d([[1, 0]], [1, 2], 'int32'); // the second position is padding
    const loss = sequenceCrossEntropy(labels, logits);
    expect((await loss.data())[0]).toBeCloseTo(-Math.log(3 / 5), 6);
    const grad = tf.grad((x: tf.Tensor) => sequenceCrossEntropy(labels, x))(logits);
    const values = (await grad.array()) as number[][][];
    expect(values[0]?.[1]?.map(Math.abs)).toEqual([0, 0, 0]);
    expect(values[0]?.[0]?.[1]).toBeCloseTo(3 / 5 - 1, 5);
    expect(() => sequenceCrossEntropy(tf.zeros([1, 3]), logits)).toThrow(/sequenceCrossEntropy: expected targetIds/);
    tf.dispose([logits, labels, loss, grad]);
  });
});

describeEachBackend(
  'TranslationModel',
  () => {
    test('a padded batch gives each row the logits it gets alone (the source mask works end to end)', async () => {
      const model = tinyModel();
      const pairs = [
        { source: '一万零一十', target: '10010' },
        { source: '十二', target: '12' },
      ];
      const both = translationBatch(model, pairs);
      const alone = translationBatch(model, [pairs[1] as (typeof pairs)[number]]);
      const [logitsBoth, logitsAlone] = [model.apply(both.x), model.apply(alone.x)];
      const row = tf.slice(logitsBoth, [1, 0, 0], [1, 3, digits.size]);
      await expectTensorsClose(row, logitsAlone, { atol: 1e-5 });
      expect(logitsBoth.shape).toEqual([2, 6, digits.size]);
      tf.dispose([...both.x, both.y, ...alone.x, alone.y, logitsBoth, logitsAlone, row]);
      model.dispose();
    });

    test('translate: texts, tokens and attention rows that sum to 1 over the real source; nothing leaks', async () => {
      const model = tinyModel();
      const results = await expectNoLeakedTensors(() =>
        translate(model, ['三千零五', '十'], { beamWidth: 2, maxLength: 4 }),
      );
      for (const [i, r] of results.entries()) {
        expect(r.sourceTokens).toEqual([...(['三千零五', '十'][i] as string)]);
        expect(r.attention).toHaveLength(r.tokens.length);
        for (const row of r.attention) {
          expect(row).toHaveLength(r.sourceTokens.length);
          expect(row.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 4);
        }
        expect(r.text).toBe(r.tokens.filter((t) => t !== '<eos>').join(''));
      }
      model.dispose();
    });
  },
  { backends: ['cpu', 'wasm'] },
);

describe('translation: training and bad input', () => {
  test('a few teacher-forced epochs lower the loss on a tiny set (trained beats untrained)', async () => {
    const model = tinyModel(3);
    const pairs = ['十二', '三百', '四千零五', '七万'].map((source, i) => ({
      source,
      target: ['12', '300', '4005', '70000'][i] as string,
    }));
    const { losses } = await expectNoLeakedTensors(() =>
      trainTranslation(model, pairs, { epochs: 12, batchSize: 4, learningRate: 0.05 }),
    );
    expect(losses).toHaveLength(12);
    expect(losses.at(-1) as number).toBeLessThan((losses[0] as number) * 0.6);
    model.dispose();
  });

  test('refuses empty texts, unknown tokens (unknown: error), bad widths and lengths, leaking nothing', async () => {
    const model = tinyModel();
    const before = tf.memory().numTensors;
    const cases: [unknown, object, RegExp][] = [
      [[], {}, /translate: expected a non-empty array of texts, got none/],
      [['十', ''], {}, /translate: expected texts\[1\] to be a non-empty string, got ""/],
      [['十a'], { unknown: 'error' }, /Vocabulary.encode: expected known tokens, got "a"/],
      [['十'], { beamWidth: 0 }, /translate: expected beamWidth/],
      [['十'], { maxLength: 0 }, /translate: expected maxLength/],
      [['十'], { lengthPenalty: -0.5 }, /translate: expected lengthPenalty/],
      [['十'], { beams: 2 }, /translate: unknown key 'beams'/],
    ];
    for (const [texts, options, pattern] of cases) {
      await expect(translate(model, texts as string[], options)).rejects.toThrow(pattern);
      await expect(translate(model, texts as string[], options)).rejects.toThrow(ArgumentError);
    }
    const [unknown] = await translate(model, ['十a'], { maxLength: 2 });
    expect(unknown?.sourceTokens).toEqual(['十', '<unk>']);
    expect(() => translationBatch(model, [{ source: '十', target: '1x' }])).toThrow(/expected known tokens, got "x"/);
    await expect(trainTranslation(model, [{ source: '十', target: '10' }], { epochs: 0 })).rejects.toThrow(
      /trainTranslation: expected epochs/,
    );
    expect(tf.memory().numTensors).toBe(before);
    expect(() => new TranslationModel({ sourceVocabulary: zh, targetVocabulary: 'digits' as never })).toThrow(
      /TranslationModel: expected targetVocabulary to be a Vocabulary/,
    );
    model.dispose();
  });
});
