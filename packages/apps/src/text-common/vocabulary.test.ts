import { ArgumentError } from '@baihua/core';
import { describe, expect, it } from 'vitest';
import { padSequences } from './pad-sequences.js';
import { specialTokens, tokenize, Vocabulary } from './vocabulary.js';

describe('Vocabulary', () => {
  it('puts the four specials first and the tokens in first-seen order (code points, so CJK is one token each)', () => {
    const vocabulary = Vocabulary.fromTexts(['三千零五', '十二', '三十']);
    expect(vocabulary.size).toBe(10);
    expect([0, 1, 2, 3].map((id) => vocabulary.tokenOf(id))).toEqual(Object.values(specialTokens));
    expect(vocabulary.encode('三十', { addEos: true })).toEqual([4, 8, 2]);
    expect(vocabulary.encode('二', { addBos: true, addEos: true })).toEqual([1, 9, 2]);
    expect(vocabulary.decode([4, 8, 2, 5])).toEqual(['三', '十']);
    expect(vocabulary.decodeText([1, 4, 5, 0])).toBe('三千');
    expect(tokenize('a😀b')).toEqual(['a', '😀', 'b']);
  });

  it('maps unknown tokens to <unk> by default and names them with unknown: error', () => {
    const vocabulary = Vocabulary.fromTexts(['red circle', 'blue square'], { tokenization: 'words' });
    expect(vocabulary.encode('red  triangle ')).toEqual([4, 3]);
    expect(vocabulary.decodeText(vocabulary.encode('blue triangle'))).toBe('blue <unk>');
    expect(() => vocabulary.encode('red triangle', { unknown: 'error' })).toThrow(
      /Vocabulary\.encode: expected known tokens, got "triangle"/,
    );
    // A special written in the text is not smuggled in as its id.
    expect(vocabulary.encode(['<eos>', 'red'])).toEqual([3, 4]);
  });

  it('leaves out tokens seen fewer than minCount times', () => {
    const vocabulary = Vocabulary.fromTexts(['aab', 'ac'], { minCount: 2 });
    expect(vocabulary.size).toBe(5);
    expect(vocabulary.encode('abc')).toEqual([4, 3, 3]);
  });

  it('refuses bad input by name', () => {
    expect(() => new Vocabulary(['a', 'a'])).toThrow(ArgumentError);
    expect(() => new Vocabulary(['<pad>'])).toThrow(/Vocabulary: expected tokens to be distinct/);
    expect(() => Vocabulary.fromTexts(['a'], { minCount: 0 })).toThrow(/Vocabulary\.fromTexts: expected minCount/);
    expect(() => Vocabulary.fromTexts(['a'], { tokenization: 'bytes' as never })).toThrow(/tokenization/);
    expect(() => Vocabulary.fromTexts(['a'], { lowercase: true } as never)).toThrow(/lowercase/);
    expect(() => Vocabulary.fromTexts([3 as never])).toThrow(/expected texts to be strings, got number/);
    expect(() => Vocabulary.fromTexts(['a']).tokenOf(5)).toThrow(
      /Vocabulary\.tokenOf: expected an id in 0\.\.4, got 5/,
    );
    expect(() => Vocabulary.fromTexts(['a']).decode([1.5])).toThrow(/got 1\.5/);
  });
});

describe('padSequences', () => {
  it('right-pads to the longest or the given length with the given id', () => {
    const { ids, shape } = padSequences([
      [5, 6, 2],
      [7, 2],
    ]);
    expect(shape).toEqual([2, 3]);
    expect(Array.from(ids)).toEqual([5, 6, 2, 7, 2, 0]);
    expect(Array.from(padSequences([[4]], { length: 3, padId: 2 }).ids)).toEqual([4, 2, 2]);
  });

  it('refuses to cut a sequence, an empty batch and a non-integer pad id', () => {
    expect(() => padSequences([[1, 2, 3]], { length: 2 })).toThrow(
      /padSequences: expected sequences of at most length 2/,
    );
    expect(() => padSequences([])).toThrow(/padSequences: expected at least one sequence/);
    expect(() => padSequences([[1]], { padId: 0.5 })).toThrow(/padId/);
  });
});
