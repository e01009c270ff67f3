import { createRandom, type SeededRandom } from '@baihua/core';
import { describe, expect, test } from 'vitest';
import { glyphAffine } from './glyph-affine.js';

const box = { minX: 0, minY: 0, maxX: 1000, maxY: 1000 };
const none = { rotation: 0, scale: 0, shift: 0, shear: 0 };
/** Every draw at +1: each change at its full amplitude. */
const extreme: SeededRandom = { ...createRandom(0), next: () => 1 };
const expectAffine = (actual: readonly number[], expected: number[]) =>
  expected.forEach((value, i) => expect(actual[i]).toBeCloseTo(value, 9));

describe('glyph affine', () => {
  test('without jitter the box fills 80% of the cell, centred, y flipped', () => {
    // fit = 32 * 0.8 / 1000; the box centre (500, 500) lands on (16, 16).
    expectAffine(glyphAffine(box, 32, none, createRandom(1)), [0.0256, 0, 0, -0.0256, 3.2, 28.8]);
  });

  test('full amplitudes, by hand: a 90-degree turn at 1.5x shifted by 2, and a shear of 0.5', () => {
    // k = 0.0256 * 1.5; cos 0, sin 1: a = 0, b = k, c = k, d = 0; e = f = 18 - 500 k.
    const turned = glyphAffine(box, 32, { ...none, rotation: 90, scale: 0.5, shift: 2 }, extreme);
    expectAffine(turned, [0, 0.0384, 0.0384, 0, -1.2, -1.2]);
    // x += 0.5 y about the centre: c = -0.5 k (y = -k v); e = 16 - 500 k + 250 k.
    const sheared = glyphAffine(box, 32, { ...none, shear: 0.5 }, extreme);
    expectAffine(sheared, [0.0256, 0, -0.0128, -0.0256, 9.6, 28.8]);
  });

  test('five draws per sample whatever the amplitudes, so streams stay aligned', () => {
    const [a, b] = [createRandom(3), createRandom(3)];
    glyphAffine(box, 32, none, a);
    glyphAffine(box, 32, { rotation: 5, scale: 0.1, shift: 1, shear: 0.2 }, b);
    expect(a.next()).toBe(b.next());
  });
});
