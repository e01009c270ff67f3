import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ArgumentError } from '@baihua/core';
import { describeEachBackend, expectNoLeakedTensors } from '@baihua/core/testing';
import { expect, test, vi } from 'vitest';
import { cjkFontFiles, type GlyphIdentitySetOptions, glyphIdentitySet, splitByIdentity } from '../index.js';
import { createGlyphSet } from './glyph-set.js';
import { reportMissingFonts, testFonts } from './test-fonts.js';

const base = { fonts: ['/no/such/font.ttf'], identities: 2, samplesPerIdentity: 2 };
const rejects = async (options: unknown, message: string | RegExp) => {
  const call = glyphIdentitySet(options as GlyphIdentitySetOptions);
  await expect(call).rejects.toThrow(message);
  await expect(call).rejects.toSatisfy(ArgumentError.isInstance);
};

describeEachBackend(
  'face glyphs: bad input',
  () => {
    test('options are checked before any file is read, each error naming the option', async () => {
      await expectNoLeakedTensors(async () => {
        for (let repeat = 0; repeat < 2; repeat++) {
          await rejects(
            { ...base, identities: 0 },
            'glyphIdentitySet: expected options.identities to be a positive integer, got 0',
          );
          await rejects(
            { ...base, samplesPerIdentity: 1 },
            'glyphIdentitySet: expected options.samplesPerIdentity >= 2',
          );
          await rejects({ ...base, size: 7 }, 'glyphIdentitySet: expected options.size >= 8, got 7');
          await rejects(
            { ...base, identity: 3 },
            "glyphIdentitySet: unknown key 'identity' in options (did you mean 'identities'?",
          );
          await rejects(
            { ...base, jitter: { rotate: 5 } },
            "unknown key 'rotate' in options.jitter (did you mean 'rotation'?",
          );
          await rejects({ ...base, jitter: { shear: -0.1 } }, 'expected options.jitter.shear >= 0, got -0.1');
          await rejects({ ...base, fonts: [] }, 'expected options.fonts to be a non-empty array of file paths, got []');
          await rejects({ ...base, firstCodePoint: 0x41 }, 'expected options.firstCodePoint in [19968, 40704], got 65');
        }
      });
    });

    test('a missing file and a file that is no font are named by their index', async () => {
      const notFont = join(mkdtempSync(join(tmpdir(), 'glyphs-')), 'not-a-font.ttf');
      writeFileSync(notFont, 'plain text, not a font');
      await expectNoLeakedTensors(async () => {
        await rejects(
          base,
          "glyphIdentitySet: expected options.fonts[0] to be an existing file, got '/no/such/font.ttf'",
        );
        await rejects({ ...base, fonts: [notFont] }, `expected options.fonts[0] to be a font file, got '${notFont}'`);
      });
    });

    test('splitByIdentity needs fewer test identities than the set has, and known options', async () => {
      const set = createGlyphSet(new Float32Array(4 * 64), 8, ['一', '丁'], ['A', 'B', 'A', 'B']);
      try {
        await expectNoLeakedTensors(() => {
          for (let repeat = 0; repeat < 2; repeat++) {
            expect(() => splitByIdentity(set, { testIdentities: 2 })).toThrow(
              "splitByIdentity: expected options.testIdentities < 2 (the set's identities), got 2",
            );
            expect(() => splitByIdentity(set, { testIdentities: 0 })).toThrow(
              'expected options.testIdentities to be a positive integer',
            );
            expect(() => splitByIdentity(set, { testIdentites: 1 } as never)).toThrow("unknown key 'testIdentites'");
          }
        });
      } finally {
        set.dispose();
      }
    });

    test('cjkFontFiles names the apt packages when no font is installed', () => {
      const fakeFs = { existsSync: () => false, readdirSync: () => [] };
      const spy = vi.spyOn(process, 'getBuiltinModule').mockImplementation((() => fakeFs) as never);
      try {
        expect(() => cjkFontFiles()).toThrow(
          /cjkFontFiles: expected Debian's CJK fonts .* \(apt-get install fonts-arphic-ukai .* fonts-smiley-sans\)/,
        );
      } finally {
        spy.mockRestore();
      }
    });

    const { font, missing } = testFonts();
    if (missing !== undefined) reportMissingFonts(missing);
    else
      test('a font with too few ideographs, and more identities than the fonts share', async () => {
        await expectNoLeakedTensors(async () => {
          for (let repeat = 0; repeat < 2; repeat++) {
            // gbsn00lp covers GB2312, which has 36 of U+9F00..U+9FFF.
            await rejects(
              { ...base, fonts: [font('LXGWWenKai-Regular'), font('gbsn00lp')], firstCodePoint: 0x9f00 },
              'glyphIdentitySet: expected options.fonts[1] to hold CJK glyphs (at least 64 of the 256 from U+9F00), ' +
                `got '${font('gbsn00lp')}' with 36`,
            );
            await rejects(
              { ...base, fonts: [font('gbsn00lp')], identities: 500, size: 8, firstCodePoint: 0x9e00 },
              /glyphIdentitySet: expected options.identities <= \d+ \(the ideographs every font holds from U\+9E00\)/,
            );
          }
        });
      }, 30_000);
  },
  { backends: ['cpu'] },
);
