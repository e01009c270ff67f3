import { describe, expect, test } from 'vitest';
import { corpusBleu } from './corpus-bleu.js';
import { exactMatch } from './exact-match.js';
import { sentenceBleu } from './sentence-bleu.js';

// The sentences of Papineni et al. (2002), example 1, as NLTK's corpus_bleu docstring uses them.
const hyp1 = 'It is a guide to action which ensures that the military always obeys the commands of the party';
const ref1a = 'It is a guide to action that ensures that the military will forever heed Party commands';
const ref1b =
  'It is the guiding principle which guarantees the military forces always being under the command of the Party';
const ref1c = 'It is the practical guide for the army always to heed the directions of the party';
const hyp2 = 'he read the book because he was interested in world history';
const ref2a = 'he was interested in world history because he read the book';
const words = (text: string, count?: number) => text.split(' ').slice(0, count);

describe('corpusBleu', () => {
  test("the paper's modified precisions: 17/18 unigrams, 10/17 bigrams; 'the the ...' clipped to 2/7", () => {
    const score = corpusBleu([hyp1], [[ref1a, ref1b, ref1c]]);
    expect(score.precisions[0]).toBeCloseTo(17 / 18, 12);
    expect(score.precisions[1]).toBeCloseTo(10 / 17, 12);
    const clipped = corpusBleu(
      ['the the the the the the the'],
      [['the cat is on the mat', 'there is a cat on the mat']],
    );
    expect(clipped.precisions[0]).toBeCloseTo(2 / 7, 12);
  });

  // Values from fixtures/bleu-reference.py (NLTK 3.8 corpus_bleu, weights 1/n each).
  const cases: [string, string[][], (string | string[])[][], number[]][] = [
    [
      "NLTK's documented corpus_bleu example (0.5920778868801042)",
      [words(hyp1), words(hyp2)],
      [[ref1a, ref1b, ref1c], [ref2a]],
      [0.9655172413793104, 0.8242803277698696, 0.7069430098960677, 0.5920778868801042],
    ],
    [
      'short hypotheses (brevity penalty below 1)',
      [words(hyp1, 9), words(hyp2, 7), words('two red circles left of a square')],
      [[ref1a, ref1b, ref1c], [ref2a], ['two small red circles left of a blue square']],
      [0.5682366036329846, 0.4921073341063535, 0.41765160659904116, 0.36496290299534306],
    ],
    [
      'a tie between reference lengths takes the shorter; repeated words are clipped',
      [words('a b c d e'), words('the the the cat on the mat')],
      [
        ['a b c d e f', 'a b c d'],
        ['the cat is on the mat', 'there is a cat on the mat'],
      ],
      [0.8333333333333334, 0.816496580927726, 0.7469007910928608, 0.6756000774035172],
    ],
  ];
  test.each(cases)('matches NLTK: %s', (_, hypotheses, references, expected) => {
    const { bleu } = corpusBleu(hypotheses, references);
    bleu.forEach((value, n) => expect(value).toBeCloseTo(expected[n] as number, 12));
  });

  test('brevity penalty and lengths by hand; a missing order gives 0; maxOrder', () => {
    const score = corpusBleu(['a red circle'], [['a red circle above a blue square']], { maxOrder: 2 });
    expect(score.hypothesisLength).toBe(3);
    expect(score.referenceLength).toBe(7);
    expect(score.brevityPenalty).toBeCloseTo(Math.exp(1 - 7 / 3), 12);
    expect(score.bleu).toHaveLength(2);
    expect(score.bleu[1]).toBeCloseTo(Math.exp(1 - 7 / 3), 12);
    expect(corpusBleu(['a b'], [['a b']]).bleu).toEqual([1, 1, 0, 0]);
    expect(corpusBleu([''], [['a b']]).bleu).toEqual([0, 0, 0, 0]);
  });

  test('refuses bad input by name', () => {
    expect(() => corpusBleu([], [])).toThrow('corpusBleu: expected at least one hypothesis, got none');
    expect(() => corpusBleu(['a'], [])).toThrow('corpusBleu: expected one reference list per hypothesis (1), got 0');
    expect(() => corpusBleu(['a'], [[]])).toThrow('corpusBleu: expected references[0] to be a non-empty array');
    expect(() => corpusBleu(['a'], [['  ']])).toThrow('corpusBleu: expected references[0][0] to be non-empty');
    expect(() => corpusBleu([3 as never], [['a']])).toThrow('corpusBleu: expected hypotheses[0] to be a string');
    expect(() => corpusBleu(['a'], [['a']], { maxOrder: 0 })).toThrow('corpusBleu: expected maxOrder');
    expect(() => corpusBleu(['a'], [['a']], { order: 2 } as never)).toThrow(/corpusBleu: unknown key 'order'/);
  });
});

describe('exactMatch', () => {
  test('counts hypotheses equal to any reference, word for word', () => {
    expect(
      exactMatch(
        ['a red  circle', 'a red circle', 'two red circles'],
        [['a red circle'], ['x', 'a red circle'], ['two red circle']],
      ),
    ).toBeCloseTo(2 / 3, 12);
    expect(() => exactMatch(['a'], [['']])).toThrow('exactMatch: expected references[0][0] to be non-empty');
  });
});

describe('sentenceBleu', () => {
  // Values from fixtures/bleu-reference.py (NLTK 3.8 sentence_bleu, smoothing_function=method2).
  const cases: [string, string, string[], number[]][] = [
    [
      'a near miss',
      'a red circle above a square',
      ['a red circle above a blue square'],
      [0.846481724890614, 0.7727285587307859, 0.7394698986207265, 0.7118034480382984],
    ],
    [
      'no matching 4-gram (0 without smoothing)',
      'two red circles left a square',
      ['two small red circles left of a blue square'],
      [0.6065306597126334, 0.42888194248035344, 0.35470128155393843, 0.2868106410131918],
    ],
    [
      "the paper's hypothesis 1",
      hyp1,
      [ref1a, ref1b, ref1c],
      [0.9444444444444444, 0.759710796176519, 0.6476085203612729, 0.539755306744061],
    ],
  ];
  test.each(cases)('matches NLTK with add-one smoothing: %s', (_, hypothesis, references, expected) => {
    sentenceBleu(hypothesis, references).bleu.forEach((value, n) =>
      expect(value).toBeCloseTo(expected[n] as number, 12),
    );
  });

  test("smoothing 'none' is corpusBleu of one sentence; bad options are refused", () => {
    const plain = sentenceBleu('two red circles left a square', ['two small red circles left of a blue square'], {
      smoothing: 'none',
    });
    expect(plain.bleu[3]).toBe(0);
    expect(plain).toEqual(
      corpusBleu(['two red circles left a square'], [['two small red circles left of a blue square']]),
    );
    expect(() => sentenceBleu('a', ['a'], { smoothing: 'add-k' as never })).toThrow(/sentenceBleu: expected smoothing/);
    expect(() => sentenceBleu('a', [])).toThrow('sentenceBleu: expected references[0] to be a non-empty array');
  });
});
