import { decode } from 'fast-png';
import { describe, expect, test } from 'vitest';
import { attentionMapLegend, attentionMapPng } from './attention-map-png.js';

describe('attentionMapPng', () => {
  test('a square per (output, source) pair, white at 0, dark blue at 1, labelled; the legend names tokens', () => {
    const source = ['一', '万', '零', '五'];
    const target = ['1', '0', '0', '0', '5', '<eos>'];
    const weights = target.map((_, i) => source.map((_, j) => (j === Math.min(i, 3) ? 1 : 0)));
    const image = decode(attentionMapPng(source, target, weights));
    // left margin: 2 pad + widest row label (one char, 5 px * scale 2); top: 2 pad + 7 * 2; cells 24 px; 6 px pad.
    const [left, top] = [12 + 10, 12 + 14];
    expect([image.width, image.height]).toEqual([left + 4 * 24 + 6, top + 6 * 24 + 6]);
    const pixel = (x: number, y: number) =>
      Array.from(image.data.slice((y * image.width + x) * 4, (y * image.width + x) * 4 + 3));
    expect(pixel(left + 12, top + 12)).toEqual([8, 48, 107]); // row 0, column 0: weight 1
    expect(pixel(left + 24 + 12, top + 12)).toEqual([255, 255, 255]); // row 0, column 1: weight 0
    expect(pixel(left + 3 * 24 + 12, top + 5 * 24 + 12)).toEqual([8, 48, 107]); // <eos> row on the last source
    // Some ink in the label margins (the digits on the left, the indices on top), none in the corner.
    const inked = (x0: number, x1: number, y0: number, y1: number) => {
      for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) if ((pixel(x, y)[0] as number) < 100) return true;
      return false;
    };
    expect(inked(0, left, top, top + 24)).toBe(true);
    expect(inked(left, left + 24, 0, top)).toBe(true);
    expect(inked(0, left, 0, top)).toBe(false);
    expect(attentionMapLegend(source, target)).toBe(
      'columns (source): 0=一 1=万 2=零 3=五; rows (output): 1 0 0 0 5 E=<eos>',
    );
  });

  test('refuses mismatched or out-of-range weights and empty token lists by name', () => {
    expect(() => attentionMapPng([], ['1'], [[]])).toThrow(
      /attentionMapPng: expected sourceTokens to be a non-empty array/,
    );
    expect(() => attentionMapPng(['a'], ['1', '2'], [[1]])).toThrow(/expected weights of 2 rows of 1 numbers/);
    expect(() => attentionMapPng(['a'], ['1'], [[1.5]])).toThrow(/expected weights in \[0, 1\], got 1.5/);
    expect(() => attentionMapPng(['a'], ['1'], [[Number.NaN]])).toThrow(/got NaN/);
  });
});
