import { ArgumentError, createRandom } from '@baihua/core';
import type { Glyph, PathCommand } from 'fontkit';
import { fillEdges } from './fill-edges.js';
import { flattenPath } from './flatten-path.js';
import { type GlyphJitter, glyphAffine } from './glyph-affine.js';
import { checkGlyphOptions } from './glyph-set-checks.js';
import { createGlyphSet, type GlyphSet } from './glyph-set.js';
import { type FontFace, readFontFaces } from './font-faces.js';

/** Options of {@link glyphIdentitySet}. */
export interface GlyphIdentitySetOptions {
  /** Font files (.ttf, .otf, .ttc), e.g. {@link cjkFontFiles}(); each face holding CJK glyphs is a font. */
  fonts: readonly string[];
  /** Number of identities (characters). */
  identities: number;
  /** Rows per identity, K >= 2. */
  samplesPerIdentity: number;
  /** Image side in pixels, >= 8; default 32. */
  size?: number;
  /** Seed of the affine jitter; default 0. */
  seed?: number;
  /** Amplitudes of the random affine changes (see {@link GlyphJitter}). */
  jitter?: GlyphJitter;
  /** First code point tried, in U+4E00..U+9F00 (CJK Unified Ideographs, 256 before its end); default 0x4e00. */
  firstCodePoint?: number;
}

/** A sample's ink must cover at least this fraction of the cell, or its character is skipped. */
const minimumInk = 0.01;
/** Vertical samples per pixel row of the scanline fill (horizontal coverage is exact). */
const subsamples = 4;

interface Variant {
  glyph: Glyph;
  face: string;
}

/** True when two outlines are the same command for command (different outlines differ at once). */
function sameOutline(first: Glyph, second: Glyph): boolean {
  const [a, b] = [first.path.commands, second.path.commands];
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const [x, y] = [(a[i] as PathCommand).args, (b[i] as PathCommand).args];
    if (x.length !== y.length || x.some((value, j) => value !== y[j])) return false;
  }
  return true;
}

/**
 * The distinct outlines of `codePoint` over the faces, or undefined when a face lacks a real glyph;
 * the cmap is asked first, so outlines are parsed only for characters every face holds.
 */
function variantsOf(faces: readonly FontFace[], codePoint: number): Variant[] | undefined {
  if (!faces.every(({ font }) => font.hasGlyphForCodePoint(codePoint))) return undefined;
  const variants: Variant[] = [];
  for (const { font, name } of faces) {
    const glyph = font.glyphForCodePoint(codePoint);
    if (glyph.id === 0 || glyph.path.commands.length === 0) return undefined;
    const box = glyph.path.bbox;
    if (!(box.maxX > box.minX && box.maxY > box.minY)) return undefined;
    if (!variants.some((variant) => sameOutline(variant.glyph, glyph))) variants.push({ glyph, face: name });
  }
  return variants;
}

/**
 * An open-set identity set from real fonts: each CJK ideograph from `firstCodePoint` up that every
 * face holds (not .notdef, a non-empty outline, real ink in every sample) is an identity; its K rows
 * cycle through the distinct outlines the faces give it (faces of a .ttc sharing outlines count
 * once), each with its own seeded affine jitter (rotation, scale, shift, shear) applied to the
 * outline before it is rasterised (exact, no resampling): images [N = identities * K, size, size, 1]
 * in [0, 1], ink 1; labels [N] int32, K consecutive rows per identity. Deterministic for a seed.
 * Node only (reads the files). Throws ArgumentError naming glyphIdentitySet and the option.
 *
 * @example
 * const set = await glyphIdentitySet({ fonts: cjkFontFiles(), identities: 600, samplesPerIdentity: 16 });
 * set.images.shape; // [9600, 32, 32, 1]
 * set.dispose();
 *
 * In plain words: every Chinese character is a person, every font and small tilt another photo of them.
 */
export async function glyphIdentitySet(options: GlyphIdentitySetOptions): Promise<GlyphSet> {
  const { fonts, identities, samplesPerIdentity: k, size, seed, jitter, firstCodePoint } = checkGlyphOptions(options);
  const faces = await readFontFaces('glyphIdentitySet', fonts, firstCodePoint);
  const random = createRandom(seed);
  const pixels = new Float32Array(identities * k * size * size);
  const characters: string[] = [];
  const fontOfRow: string[] = [];
  for (let codePoint = firstCodePoint; codePoint <= 0x9fff && characters.length < identities; codePoint++) {
    const variants = variantsOf(faces, codePoint);
    if (variants === undefined) continue;
    const offset = characters.length * k * size * size;
    let inked = true;
    for (let sample = 0; sample < k; sample++) {
      const { glyph } = variants[sample % variants.length] as Variant;
      const affine = glyphAffine(glyph.path.bbox, size, jitter, random);
      const image = fillEdges(flattenPath(glyph.path.commands, affine), size, subsamples);
      pixels.set(image, offset + sample * size * size);
      if (image.reduce((sum, value) => sum + value, 0) < minimumInk * size * size) inked = false;
    }
    if (!inked) continue;
    characters.push(String.fromCodePoint(codePoint));
    for (let sample = 0; sample < k; sample++) fontOfRow.push((variants[sample % variants.length] as Variant).face);
  }
  if (characters.length < identities) {
    throw new ArgumentError(
      'glyphIdentitySet',
      `expected options.identities <= ${characters.length} (the ideographs every font holds from ` +
        `U+${firstCodePoint.toString(16).toUpperCase()}), got ${identities}`,
    );
  }
  return createGlyphSet(pixels, size, characters, fontOfRow);
}
