import { ArgumentError } from '@baihua/core';
import { describe, expect, test } from 'vitest';
import { fromChineseNumeral, maxChineseNumeral, toChineseNumeral } from './chinese-numeral.js';
import { createNumeralDataset } from './numeral-dataset.js';

// Checked by hand against the standard reading (零 once per run of zeros, 十 bare only at the start).
const table: [number, string][] = [
  [0, '零'],
  [7, '七'],
  [10, '十'],
  [11, '十一'],
  [15, '十五'],
  [20, '二十'],
  [100, '一百'],
  [101, '一百零一'],
  [110, '一百一十'],
  [310, '三百一十'],
  [312, '三百一十二'],
  [1000, '一千'],
  [1001, '一千零一'],
  [1005, '一千零五'],
  [1010, '一千零一十'],
  [1100, '一千一百'],
  [2020, '二千零二十'],
  [3005, '三千零五'],
  [10000, '一万'],
  [10001, '一万零一'],
  [10010, '一万零一十'],
  [10100, '一万零一百'],
  [10101, '一万零一百零一'],
  [11000, '一万一千'],
  [50005, '五万零五'],
  [100000, '十万'],
  [100010, '十万零一十'],
  [101000, '十万一千'],
  [110000, '十一万'],
  [500500, '五十万零五百'],
  [1000000, '一百万'],
  [1000100, '一百万零一百'],
  [10000000, '一千万'],
  [10000001, '一千万零一'],
  [12345678, '一千二百三十四万五千六百七十八'],
  [20000010, '二千万零一十'],
  [99999999, '九千九百九十九万九千九百九十九'],
  [100000000, '一亿'],
];

describe('Chinese numerals', () => {
  test('toChineseNumeral and fromChineseNumeral agree with the hand-checked table', () => {
    for (const [n, text] of table) {
      expect(toChineseNumeral(n)).toBe(text);
      expect(fromChineseNumeral(text)).toBe(n);
    }
  });

  test('every number 0..12000 and a spread above reads back to itself; no 零 at the end, no 零零', () => {
    const numbers = [
      ...Array.from({ length: 12001 }, (_, i) => i),
      ...Array.from({ length: 3000 }, (_, i) => i * 33333 + 7),
    ];
    for (const n of numbers) {
      const text = toChineseNumeral(n);
      expect(fromChineseNumeral(text)).toBe(n);
      if (n > 0) expect(text.endsWith('零') || text.includes('零零') || text.startsWith('一十')).toBe(false);
    }
  });

  test('refuses out-of-range numbers, non-integers and malformed numerals by name', () => {
    for (const bad of [-1, 1.5, maxChineseNumeral + 1, Number.NaN, '12' as never])
      expect(() => toChineseNumeral(bad)).toThrow(/toChineseNumeral: expected n to be an integer in 0\.\.100000000/);
    const malformed: [string, RegExp][] = [
      ['', /expected text to be a non-empty string/],
      ['两百', /expected text of 零一二三四五六七八九十百千万亿, got "两"/],
      ['一十二', /the canonical form of 12 is "十二"/],
      ['十十', /the canonical form of 20 is "二十"/],
      ['一千五', /the canonical form of 1005 is "一千零五"/],
      ['一千零零五', /the canonical form of 1005 is "一千零五"/],
      ['一百一', /the canonical form of 101 is "一百零一"/],
      ['零五', /the canonical form of 5 is "五"/],
      ['一亿一', /above 100000000/],
      ['12', /got "1"/],
    ];
    for (const [text, pattern] of malformed) {
      expect(() => fromChineseNumeral(text)).toThrow(ArgumentError);
      expect(() => fromChineseNumeral(text)).toThrow(pattern);
    }
    expect(() => fromChineseNumeral(12 as never)).toThrow(/fromChineseNumeral: expected text to be a non-empty string/);
  });
});

describe('createNumeralDataset', () => {
  test('splits by number, is deterministic by seed, spreads over magnitudes', () => {
    const a = createNumeralDataset({ trainSize: 3000, testSize: 500, seed: 4 });
    const b = createNumeralDataset({ trainSize: 3000, testSize: 500, seed: 4 });
    const c = createNumeralDataset({ trainSize: 3000, testSize: 500, seed: 5 });
    expect(a).toEqual(b);
    expect(c.test.map((p) => p.number)).not.toEqual(a.test.map((p) => p.number));
    const train = new Set(a.train.map((p) => p.number));
    expect(train.size).toBe(3000);
    expect(new Set(a.test.map((p) => p.number)).size).toBe(500);
    expect(a.test.some((p) => train.has(p.number))).toBe(false);
    expect(train.has(maxChineseNumeral)).toBe(true); // 0 too, unless drawn for the test set
    expect(train.has(0) || a.test.some((p) => p.number === 0)).toBe(true);
    const digits = a.train.map((p) => p.digits.length);
    for (let k = 3; k <= 8; k++) {
      const share = digits.filter((d) => d === k).length / digits.length;
      expect(share).toBeGreaterThan(0.11); // about (3000 - 100) / 6 each: the 100 numbers below 100 run out
      expect(share).toBeLessThan(0.21);
    }
    // Every magnitude is in both splits, the numbers below 100 too (about a fifth of them held out).
    const small = (pairs: typeof a.train) => pairs.filter((p) => p.number < 100).length;
    expect(small(a.test)).toBeGreaterThan(5);
    expect(small(a.train)).toBeGreaterThan(60);
    expect(small(a.test) + small(a.train)).toBe(100);
    const pair = a.train.find((p) => p.number === maxChineseNumeral);
    expect(pair).toEqual({ number: 100000000, digits: '100000000', chinese: '一亿' });
    expect(() => createNumeralDataset({ trainSize: 0, testSize: 1 })).toThrow(
      /createNumeralDataset: expected trainSize/,
    );
    expect(() => createNumeralDataset({ trainSize: 1, testSize: 1, size: 3 } as never)).toThrow(/unknown key 'size'/);
    expect(() => createNumeralDataset({ trainSize: 1, testSize: 1, testFraction: 1 })).toThrow(
      /createNumeralDataset: expected testFraction in \(0, 1\), got 1/,
    );
  });
});
