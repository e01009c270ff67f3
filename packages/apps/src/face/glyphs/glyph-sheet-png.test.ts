import { describeEachBackend, expectNoLeakedTensors } from '@baihua/core/testing';
import { expect, test } from 'vitest';
import { decodePng } from '../../../test/decode-png.js';
import { glyphSheetPng } from './glyph-sheet-png.js';
import { createGlyphSet } from './glyph-set.js';

describeEachBackend('face glyphs: contact sheet', () => {
  test('one row per identity, its first samples side by side, ink dark on white, 1-pixel gaps', async () => {
    // 3 identities x 3 samples of 8 x 8; row r is filled with ink r / 8.
    const pixels = Float32Array.from({ length: 9 * 64 }, (_, i) => Math.floor(i / 64) / 8);
    const set = createGlyphSet(
      pixels,
      8,
      ['一', '丁', '七'],
      Array.from({ length: 9 }, () => 'F'),
    );
    try {
      const png = decodePng(await glyphSheetPng(set, { identities: 2, samples: 2 }));
      expect([png.width, png.height, png.channels]).toEqual([19, 19, 1]);
      const at = (x: number, y: number) => png.pixels[y * 19 + x];
      expect([at(0, 0), at(9, 5), at(5, 9), at(18, 18)]).toEqual([255, 255, 255, 255]);
      // Cell (identity i, sample s) shows row 3 i + s: 255 * (1 - (3 i + s) / 8).
      expect([at(1, 1), at(10, 8), at(1, 10), at(17, 17)]).toEqual([255, 223, 159, 128]);
      await expectNoLeakedTensors(async () => {
        await expect(glyphSheetPng(set, { samples: 4 })).rejects.toThrow(
          'glyphSheetPng: expected options.samples <= 3, got 4',
        );
        await expect(glyphSheetPng(set, { identity: 1 } as never)).rejects.toThrow("unknown key 'identity'");
      });
    } finally {
      set.dispose();
    }
  });
});
