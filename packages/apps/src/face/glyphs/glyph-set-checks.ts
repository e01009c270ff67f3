import {
  ArgumentError,
  assertFiniteNumber,
  assertInRange,
  assertKnownOptions,
  assertNonNegative,
  assertPositiveInteger,
} from '@baihua/core';
import type { GlyphJitter } from './glyph-affine.js';
import type { GlyphIdentitySetOptions } from './glyph-identity-set.js';

const name = 'glyphIdentitySet';
const optionKeys = ['fonts', 'identities', 'samplesPerIdentity', 'size', 'seed', 'jitter', 'firstCodePoint'];
const jitterKeys = ['rotation', 'scale', 'shift', 'shear'];

/** {@link glyphIdentitySet}'s options checked and completed with their defaults. */
export type CheckedGlyphOptions = Required<Omit<GlyphIdentitySetOptions, 'jitter'>> & { jitter: Required<GlyphJitter> };

/** Checks every option of glyphIdentitySet (ArgumentError naming it) and fills in the defaults. */
export function checkGlyphOptions(options: GlyphIdentitySetOptions): CheckedGlyphOptions {
  if (options === undefined)
    throw new ArgumentError(name, 'expected options with fonts, identities and samplesPerIdentity, got undefined');
  assertKnownOptions(name, 'options', options, optionKeys);
  const { fonts, identities, samplesPerIdentity, size = 32, seed = 0, jitter = {}, firstCodePoint = 0x4e00 } = options;
  if (!Array.isArray(fonts) || fonts.length === 0 || fonts.some((file) => typeof file !== 'string'))
    throw new ArgumentError(
      name,
      `expected options.fonts to be a non-empty array of file paths, got ${JSON.stringify(fonts)}`,
    );
  assertPositiveInteger(name, 'options.identities', identities);
  assertPositiveInteger(name, 'options.samplesPerIdentity', samplesPerIdentity);
  if (samplesPerIdentity < 2)
    throw new ArgumentError(
      name,
      `expected options.samplesPerIdentity >= 2 (pairs of one identity), got ${samplesPerIdentity}`,
    );
  assertPositiveInteger(name, 'options.size', size);
  if (size < 8) throw new ArgumentError(name, `expected options.size >= 8, got ${size}`);
  assertFiniteNumber(name, 'options.seed', seed);
  assertPositiveInteger(name, 'options.firstCodePoint', firstCodePoint);
  assertInRange(name, 'options.firstCodePoint', firstCodePoint, { min: 0x4e00, max: 0x9f00 });
  assertKnownOptions(name, 'options.jitter', jitter, jitterKeys);
  const full = { rotation: 8, scale: 0.08, shift: size / 20, shear: 0.1, ...jitter };
  for (const key of jitterKeys) assertNonNegative(name, `options.jitter.${key}`, full[key as keyof GlyphJitter]);
  if (full.scale >= 1) throw new ArgumentError(name, `expected options.jitter.scale < 1, got ${full.scale}`);
  return { fonts, identities, samplesPerIdentity, size, seed, jitter: full, firstCodePoint };
}
