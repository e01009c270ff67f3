import { ArgumentError } from '@baihua/core';
import { describeEachBackend, expectNoLeakedTensors } from '@baihua/core/testing';
import { expect, test } from 'vitest';
import {
  CharLanguageModel,
  fitNGramBaseline,
  generateText,
  perplexity,
  splitCharCorpus,
  trainCharLanguageModel,
  Vocabulary,
} from './index.js';

const vocabulary = Vocabulary.fromTexts(['深度学习']); // size 8
type Call = [() => unknown, string];

/** Each call must fail with an ArgumentError holding `message`, sync or async, leaving no tensor behind. */
async function expectErrors(calls: Call[]): Promise<void> {
  await expectNoLeakedTensors(async () => {
    for (let round = 0; round < 2; round++)
      for (const [call, message] of calls) {
        const error = await (async () => call())().then(
          () => undefined,
          (caught: unknown) => caught,
        );
        expect(ArgumentError.isInstance(error), message).toBe(true);
        expect((error as Error).message).toContain(message);
      }
  });
}

describeEachBackend('text: bad input', () => {
  test('splitCharCorpus refuses empty or too short texts and bad options', async () => {
    await expectErrors([
      [() => splitCharCorpus(''), 'splitCharCorpus: expected a non-empty text, got an empty string'],
      [
        () => splitCharCorpus('深度学'),
        'splitCharCorpus: expected text long enough for two characters in each span, got 3',
      ],
      [() => splitCharCorpus(42 as unknown as string), 'splitCharCorpus: expected text to be a string, got number'],
      [
        () => splitCharCorpus('深度学习'.repeat(9), { heldOutFraction: 1 }),
        'splitCharCorpus: expected heldOutFraction in (0, 1)',
      ],
      [
        () => splitCharCorpus('深度学习'.repeat(9), { shuffle: true } as never),
        "splitCharCorpus: unknown key 'shuffle'",
      ],
    ]);
  });

  test('generateText: prompt, temperature, topK, length and unknown options name function and argument', async () => {
    const model = new CharLanguageModel({ vocabularySize: vocabulary.size, embeddingSize: 2, units: 3, seed: 1 });
    const generate = (options: object) => () =>
      generateText(model, vocabulary, { prompt: '深度', length: 3, ...options });
    try {
      await expectErrors([
        [generate({ prompt: 'XYZ' }), 'generateText: expected prompt to hold at least one known character, got "XYZ"'],
        [generate({ prompt: '' }), 'generateText: expected prompt to be a non-empty string, got ""'],
        [generate({ temperature: 0 }), 'generateText: expected temperature > 0, got 0'],
        [generate({ temperature: -1 }), 'generateText: expected temperature > 0, got -1'],
        [generate({ temperature: Number.NaN }), 'generateText: expected temperature to be a finite number'],
        [generate({ topK: 0 }), 'generateText: expected topK to be an integer in 1..8, got 0'],
        [generate({ topK: 9 }), 'generateText: expected topK to be an integer in 1..8, got 9'],
        [generate({ length: 0 }), 'generateText: expected length to be a positive integer'],
        [generate({ beamWidth: 2 }), "generateText: unknown key 'beamWidth' in options"],
        [() => generateText(model, Vocabulary.fromTexts(['深']), { prompt: '深', length: 1 }), "model's size 8, got 5"],
        [
          () => generateText({} as CharLanguageModel, vocabulary, { prompt: '深', length: 1 }),
          'generateText: expected model',
        ],
      ]);
    } finally {
      model.dispose();
    }
  });

  test('training, perplexity, baselines and the model refuse bad ids and options', async () => {
    const model = new CharLanguageModel({ vocabularySize: 8, embeddingSize: 2, units: 3, seed: 1 });
    const ids = [4, 5, 6, 7, 4, 5, 6, 7];
    try {
      await expectErrors([
        [
          () => trainCharLanguageModel(model, [], {}),
          'trainCharLanguageModel: expected ids to hold at least 17 ids, got 0',
        ],
        [
          () => trainCharLanguageModel(model, [...ids, 8], { batchSize: 2 }),
          'expected ids to be ids in 0..7, got 8 at index 8',
        ],
        [
          () => trainCharLanguageModel(model, ids, { batchSize: 2, windowLength: 0 }),
          'trainCharLanguageModel: expected windowLength',
        ],
        [
          () => trainCharLanguageModel(model, ids, { batchSize: 2, learningRate: -1 }),
          'trainCharLanguageModel: expected learningRate',
        ],
        [
          () => trainCharLanguageModel(model, ids, { stateful: true } as never),
          "trainCharLanguageModel: unknown key 'stateful'",
        ],
        [() => perplexity(model, [4]), 'perplexity: expected ids to hold at least 2 ids, got 1'],
        [() => perplexity(model, [4, 1.5]), 'perplexity: expected ids to be ids in 0..7, got 1.5 at index 1'],
        [
          () => perplexity({} as CharLanguageModel, ids),
          'perplexity: expected model to be a CharLanguageModel or a NextTokenScorer',
        ],
        [
          () => fitNGramBaseline(ids, { order: 3 as 2, vocabularySize: 8 }),
          'fitNGramBaseline: expected order to be 1 or 2, got 3',
        ],
        [() => fitNGramBaseline(ids, { order: 2, vocabularySize: 8, addK: 0 }), 'fitNGramBaseline: expected addK'],
        [
          () => fitNGramBaseline([], { order: 1, vocabularySize: 8 }),
          'fitNGramBaseline: expected ids to hold at least 2 ids, got 0',
        ],
        [
          () => new CharLanguageModel({ vocabularySize: 8, layers: 3 }),
          'CharLanguageModel: expected layers to be 1 or 2, got 3',
        ],
        [() => new CharLanguageModel({ vocabularySize: 0 }), 'CharLanguageModel: expected vocabularySize'],
        [
          () => new CharLanguageModel({ vocabularySize: 8, hidden: 4 } as never),
          "CharLanguageModel: unknown key 'hidden'",
        ],
      ]);
    } finally {
      model.dispose();
    }
  });
});
