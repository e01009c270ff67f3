import { existsSync } from 'node:fs';
import { describeEachBackend } from '@baihua/core/testing';
import { expect, test } from 'vitest';
import { cjkFontFiles, glyphIdentitySet, splitByIdentity } from '../index.js';
import { reportMissingFonts, testFonts } from './test-fonts.js';

const { font, missing } = testFonts();
const inkBox = (pixels: Float32Array, size: number, row: number) => {
  const [xs, ys] = [[] as number[], [] as number[]];
  for (let p = 0; p < size * size; p++)
    if ((pixels[row * size * size + p] as number) > 0)
      [xs[xs.length], ys[ys.length]] = [p % size, Math.floor(p / size)];
  return {
    width: Math.max(...xs) - Math.min(...xs) + 1,
    height: Math.max(...ys) - Math.min(...ys) + 1,
    centreX: (Math.max(...xs) + Math.min(...xs) + 1) / 2,
    centreY: (Math.max(...ys) + Math.min(...ys) + 1) / 2,
  };
};
const correlation = (pixels: Float32Array, n: number, i: number, j: number): number => {
  let [meanA, meanB] = [0, 0];
  for (let p = 0; p < n; p++)
    [meanA, meanB] = [meanA + (pixels[i * n + p] as number) / n, meanB + (pixels[j * n + p] as number) / n];
  let [ab, aa, bb] = [0, 0, 0];
  for (let p = 0; p < n; p++) {
    const [a, b] = [(pixels[i * n + p] as number) - meanA, (pixels[j * n + p] as number) - meanB];
    [ab, aa, bb] = [ab + a * b, aa + a * a, bb + b * b];
  }
  return ab / Math.sqrt(aa * bb);
};

if (missing !== undefined) reportMissingFonts(missing);
else {
  describeEachBackend(
    'face glyphs: identity set',
    () => {
      test("cjkFontFiles lists the Debian packages' files, collections once", () => {
        const files = cjkFontFiles();
        expect(files.every((file) => existsSync(file))).toBe(true);
        expect(files.slice(0, 2)).toEqual([
          '/usr/share/fonts/truetype/arphic/ukai.ttc',
          '/usr/share/fonts/truetype/arphic/uming.ttc',
        ]);
      });

      test('shapes, labels, characters and the fonts of rows (distinct outlines only)', async () => {
        const set = await glyphIdentitySet({
          fonts: [font('ukai'), font('gkai00mp')],
          identities: 5,
          samplesPerIdentity: 4,
          size: 16,
          seed: 3,
        });
        try {
          expect(set.images.shape).toEqual([20, 16, 16, 1]);
          expect(set.images.dtype).toBe('float32');
          expect(set.labels.dtype).toBe('int32');
          expect(Array.from(await set.labels.data())).toEqual([
            0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4,
          ]);
          // U+4E00.. in order: 一 丁 七 万 丈 (U+4E01 丁 and U+4E03 七 follow 一; U+4E02 丂 is not in gkai00mp).
          expect(set.characters).toEqual(['一', '丁', '七', '万', '丈']);
          // ukai.ttc's four faces share these outlines: they count once, beside gkai00mp's.
          expect(set.fontOfRow).toEqual(
            Array.from({ length: 20 }, (_, row) => (row % 2 === 0 ? 'UKaiCN' : 'GBZenKai-Medium')),
          );
          const pixels = (await set.images.data()) as Float32Array;
          expect(Math.min(...pixels)).toBeGreaterThanOrEqual(0);
          expect(Math.max(...pixels)).toBeLessThanOrEqual(1);
          for (let row = 0; row < 20; row++)
            expect(pixels.subarray(row * 256, (row + 1) * 256).reduce((a, b) => a + b, 0)).toBeGreaterThan(2.56);
        } finally {
          set.dispose();
        }
      }, 30_000);

      test('deterministic for a seed; another seed moves the glyphs, not the characters', async () => {
        const options = { fonts: [font('LXGWWenKai-Regular')], identities: 3, samplesPerIdentity: 3, size: 12 };
        const [a, b, c] = await Promise.all([7, 7, 8].map((seed) => glyphIdentitySet({ ...options, seed })));
        try {
          const [pa, pb, pc] = await Promise.all([a, b, c].map((set) => set?.images.data() as Promise<Float32Array>));
          expect(Array.from(pa ?? [])).toEqual(Array.from(pb ?? []));
          expect(Array.from(pa ?? [])).not.toEqual(Array.from(pc ?? []));
          expect(c?.characters).toEqual(a?.characters);
        } finally {
          for (const set of [a, b, c]) set?.dispose();
        }
      }, 30_000);

      test('without jitter the ink box is centred and its longer side spans 80% of the cell', async () => {
        const jitter = { rotation: 0, scale: 0, shift: 0, shear: 0 };
        const set = await glyphIdentitySet({
          fonts: [font('LXGWWenKai-Regular')],
          identities: 4,
          samplesPerIdentity: 2,
          jitter,
        });
        try {
          const pixels = (await set.images.data()) as Float32Array;
          for (let row = 0; row < 8; row++) {
            // The outline's box maps to [3.2, 28.8] on its longer axis: pixels 3..28 hold ink.
            const box = inkBox(pixels, 32, row);
            expect(Math.max(box.width, box.height)).toBe(26);
            expect(Math.abs(box.centreX - 16)).toBeLessThanOrEqual(0.5);
            expect(Math.abs(box.centreY - 16)).toBeLessThanOrEqual(0.5);
          }
          expect(Array.from(pixels.subarray(0, 1024))).toEqual(Array.from(pixels.subarray(1024, 2048)));
        } finally {
          set.dispose();
        }
      }, 30_000);

      test('one character in two fonts correlates more than two characters do, on average', async () => {
        const fonts = [font('gkai00mp'), font('LXGWWenKai-Regular'), font('wqy-microhei')];
        const set = await glyphIdentitySet({ fonts, identities: 20, samplesPerIdentity: 4, seed: 1 });
        try {
          const pixels = (await set.images.data()) as Float32Array;
          const [same, other] = [[] as number[], [] as number[]];
          for (let i = 0; i < 80; i++)
            for (let j = i + 1; j < 80; j++) {
              if (i >> 2 !== j >> 2) other.push(correlation(pixels, 1024, i, j));
              else if (set.fontOfRow[i] !== set.fontOfRow[j]) same.push(correlation(pixels, 1024, i, j));
            }
          const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
          expect(same.length).toBeGreaterThan(60);
          expect(mean(same)).toBeGreaterThan(mean(other) + 0.08);
        } finally {
          set.dispose();
        }
      }, 30_000);
    },
    { backends: ['cpu'] },
  );

  describeEachBackend('face glyphs: tensors and splitByIdentity', () => {
    test("the split gathers each identity's rows on the backend, identities disjoint, labels renumbered", async () => {
      const set = await glyphIdentitySet({
        fonts: [font('LXGWWenKai-Regular')],
        identities: 4,
        samplesPerIdentity: 2,
        size: 8,
      });
      const { train, test: held } = splitByIdentity(set, { testIdentities: 1, seed: 5 });
      const again = splitByIdentity(set, { testIdentities: 1, seed: 5 });
      try {
        const pixels = (await set.images.data()) as Float32Array;
        expect(held.characters).toHaveLength(1);
        expect(new Set([...train.characters, ...held.characters])).toEqual(new Set(set.characters));
        expect(again.test.characters).toEqual(held.characters);
        for (const part of [train, held]) {
          const identities = part.characters.map((character) => set.characters.indexOf(character));
          expect(identities).toEqual([...identities].sort());
          const rows = identities.flatMap((identity) => [2 * identity, 2 * identity + 1]);
          const expected = rows.flatMap((row) => Array.from(pixels.subarray(row * 64, (row + 1) * 64)));
          expect(Array.from(await part.images.data())).toEqual(expected);
          expect(part.images.shape).toEqual([rows.length, 8, 8, 1]);
          expect(Array.from(await part.labels.data())).toEqual(rows.map((_, i) => i >> 1));
          expect(part.fontOfRow).toEqual(rows.map((row) => set.fontOfRow[row]));
        }
      } finally {
        for (const part of [set, train, held, again.train, again.test]) part.dispose();
      }
    }, 30_000);
  });
}
