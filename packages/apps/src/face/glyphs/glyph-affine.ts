import type { SeededRandom } from '@baihua/core';
import type { Affine } from './flatten-path.js';

/**
 * Amplitudes of the random affine change of each rendered sample; each is drawn uniformly in
 * [-amplitude, amplitude] per sample. Defaults: rotation 8 (degrees), scale 0.08 (relative),
 * shift size / 20 (pixels, both axes), shear 0.1 (horizontal shift per unit of height).
 */
export interface GlyphJitter {
  /** Rotation about the cell centre, in degrees; default 8. */
  rotation?: number;
  /** Relative change of size: 0.08 draws factors in [0.92, 1.08]; default 0.08. */
  scale?: number;
  /** Shift of the centre along x and along y, in pixels; default size / 20. */
  shift?: number;
  /** Horizontal shear (x += shear * y about the centre); default 0.1. */
  shear?: number;
}

/** A glyph's outline bounding box in font units (y up), as fontkit's `path.bbox`. */
export interface OutlineBox {
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
}

/** The fraction of the cell side left empty on each side of an unjittered glyph. */
export const glyphMargin = 0.1;

/**
 * The affine map from font units to pixels of one sample: the outline's box centred in the
 * size x size cell, its longer side scaled to size * (1 - 2 * margin), y flipped (font y up, image y
 * down), then sheared, rotated and scaled about the centre and shifted, the changes drawn from
 * `random` (five draws per sample, always, so a zero amplitude keeps the stream aligned).
 *
 * @example
 * glyphAffine({ minX: 0, minY: 0, maxX: 1000, maxY: 1000 }, 32, { rotation: 0, scale: 0, shift: 0, shear: 0 }, rng);
 * // [0.0256, 0, 0, -0.0256, 3.2, 28.8]
 *
 * In plain words: where on the little square each point of the letter lands, slightly tilted and moved.
 */
export function glyphAffine(
  box: OutlineBox,
  size: number,
  jitter: Required<GlyphJitter>,
  random: SeededRandom,
): Affine {
  const draw = (): number => 2 * random.next() - 1;
  const angle = (draw() * jitter.rotation * Math.PI) / 180;
  const fit = (size * (1 - 2 * glyphMargin)) / Math.max(box.maxX - box.minX, box.maxY - box.minY);
  const k = fit * (1 + draw() * jitter.scale);
  const shear = draw() * jitter.shear;
  const [cos, sin] = [Math.cos(angle), Math.sin(angle)];
  // Rotation . shear . diag(k, -k): the linear part, columns (a, b) and (c, d).
  const [a, b] = [k * cos, k * sin];
  const [c, d] = [k * (sin - shear * cos), -k * (cos + shear * sin)];
  const centreX = (box.minX + box.maxX) / 2;
  const centreY = (box.minY + box.maxY) / 2;
  const targetX = size / 2 + draw() * jitter.shift;
  const targetY = size / 2 + draw() * jitter.shift;
  return [a, b, c, d, targetX - a * centreX - c * centreY, targetY - b * centreX - d * centreY];
}
