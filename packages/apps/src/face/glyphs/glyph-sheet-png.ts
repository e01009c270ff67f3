import { ArgumentError, assertKnownOptions, assertPositiveInteger, encodePng } from '@baihua/core';
import type { GlyphSet } from './glyph-set.js';

/** Options of {@link glyphSheetPng}. */
export interface GlyphSheetOptions {
  /** Identities shown, one per sheet row (the first ones); default min(8, the set's identities). */
  identities?: number;
  /** Samples shown per identity (its first rows); default min(8, K). */
  samples?: number;
}

const name = 'glyphSheetPng';

/**
 * A contact sheet of an identity set as a greyscale PNG: one row per identity, its first `samples`
 * images side by side, dark ink on white, a 1-pixel white gap between cells. Reads the images with
 * `await data()` (every backend).
 *
 * @example
 * writeFileSync('glyphs.png', await glyphSheetPng(set, { identities: 6, samples: 8 }));
 *
 * In plain words: a page of the characters, each row one character in its fonts and tilts.
 */
export async function glyphSheetPng(set: GlyphSet, options: GlyphSheetOptions = {}): Promise<Uint8Array> {
  assertKnownOptions(name, 'options', options, ['identities', 'samples']);
  const [rows, size] = [set.images.shape[0], set.images.shape[1]];
  const perIdentity = rows / set.characters.length;
  const { identities = Math.min(8, set.characters.length), samples = Math.min(8, perIdentity) } = options;
  assertPositiveInteger(name, 'options.identities', identities);
  assertPositiveInteger(name, 'options.samples', samples);
  if (identities > set.characters.length)
    throw new ArgumentError(name, `expected options.identities <= ${set.characters.length}, got ${identities}`);
  if (samples > perIdentity)
    throw new ArgumentError(name, `expected options.samples <= ${perIdentity}, got ${samples}`);
  const pixels = await set.images.data();
  const cell = size + 1;
  const [width, height] = [samples * cell + 1, identities * cell + 1];
  const sheet = new Uint8Array(width * height).fill(255);
  for (let identity = 0; identity < identities; identity++)
    for (let sample = 0; sample < samples; sample++) {
      const offset = (identity * perIdentity + sample) * size * size;
      for (let y = 0; y < size; y++)
        for (let x = 0; x < size; x++) {
          const ink = pixels[offset + y * size + x] as number;
          sheet[(identity * cell + 1 + y) * width + sample * cell + 1 + x] = Math.round(255 * (1 - ink));
        }
    }
  return encodePng(sheet, width, height, { channels: 1 });
}
