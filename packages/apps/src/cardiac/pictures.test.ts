import { ArgumentError } from '@baihua/core';
import { describe, expect, test } from 'vitest';
import { decodePng } from '../../test/decode-png.js';
import { cardiacPhantomCase } from './cardiac-phantom.js';
import { cineContoursPng } from './cine-contours-png.js';
import { volumeCurvePng } from './volume-curve-png.js';
import { midSlices } from './volume-slices.js';

const colourCount = (pixels: Uint8Array, rgb: readonly number[]) => {
  let count = 0;
  for (let i = 0; i < pixels.length; i += 3)
    if (pixels[i] === rgb[0] && pixels[i + 1] === rgb[1] && pixels[i + 2] === rgb[2]) count++;
  return count;
};

describe('cineContoursPng', () => {
  const c = cardiacPhantomCase(3, 0, { phases: 12 });
  const input = { images: c.images, truth: c.masks, shape: c.shape, spacing: c.spacing, phases: c.phases };

  test('one column per phase (short axis above long axis), true contour green, predicted red', () => {
    // The prediction: the truth shifted one voxel along x, so both contours show.
    const predicted = new Uint8Array(c.masks.length);
    for (let i = 1; i < c.masks.length; i++) predicted[i] = c.masks[i - 1] as number;
    const { width, height, channels, pixels } = decodePng(
      cineContoursPng({ ...input, predicted }, { scale: 5, columns: 6 }),
    );
    expect(channels).toBe(3);
    // 6 columns of 20 x 5 = 100 px + 4 px gaps; 2 rows of (100 + 4 + 16 x round(5 x 7 / 4.5) = 128) + gaps.
    expect(width).toBe(6 * 104 + 4);
    expect(height).toBe(2 * (100 + 4 + 128 + 4) + 4);
    expect(colourCount(pixels, [40, 200, 60])).toBeGreaterThan(200);
    expect(colourCount(pixels, [230, 40, 40])).toBeGreaterThan(200);
    const truthOnly = decodePng(cineContoursPng(input)).pixels;
    expect(colourCount(truthOnly, [230, 40, 40])).toBe(0);
  });

  test('a perfect prediction: green just outside the cavity, red just inside, both visible', () => {
    const { width, pixels } = decodePng(cineContoursPng({ ...input, predicted: c.masks }, { scale: 5, columns: 12 }));
    const [green, red] = [colourCount(pixels, [40, 200, 60]), colourCount(pixels, [230, 40, 40])];
    expect(green).toBeGreaterThan(200);
    expect(red).toBeGreaterThan(200);
    // On the middle row of phase 0's short-axis slice (y = 4 + 50), the first coloured pixel from the left
    // is green and the next one red.
    const row = Array.from({ length: 104 }, (_, x) =>
      Array.from(pixels.subarray((54 * width + x) * 3, (54 * width + x) * 3 + 3)),
    );
    const coloured = row.map((p) => (p.join() === '40,200,60' ? 'g' : p.join() === '230,40,40' ? 'r' : '.')).join('');
    expect(coloured.replace(/\./g, '').slice(0, 2)).toBe('gr');
  });

  test('the end-systolic contour encloses fewer pixels than the end-diastolic one', () => {
    const [ed] = midSlices(c.masks, c.shape, c.spacing, 0, 1);
    const [es] = midSlices(c.masks, c.shape, c.spacing, c.truth.endSystolicPhase, 1);
    const sum = (v: Float32Array) => v.reduce((a, b) => a + b, 0);
    expect(sum(es.values)).toBeLessThan(sum(ed.values));
    expect(ed.rows * ed.cols).toBe(400);
  });

  test('inputs of the wrong length and bad options are refused', () => {
    expect(() => cineContoursPng({ ...input, truth: c.masks.subarray(1) })).toThrow(
      /cineContoursPng: expected input.truth of 12 x \[16,20,20\] = 76800 values, got 76799/,
    );
    expect(() => cineContoursPng(input, { scale: 0 })).toThrow(/expected options.scale to be a positive integer/);
    expect(() => cineContoursPng(input, { colums: 4 } as never)).toThrow(ArgumentError);
    expect(() => cineContoursPng({ ...input, spacing: [7, 0, 4.5] })).toThrow(
      /cineContoursPng: expected input.spacing to be \[dz, dy, dx\]/,
    );
    expect(() => cineContoursPng({ ...input, shape: [16, 20] as never })).toThrow(
      /expected input.shape to be \[D, H, W\]/,
    );
    expect(() => cineContoursPng({ ...input, mask: c.masks } as never)).toThrow(/unknown key 'mask' in input/);
  });
});

describe('volumeCurvePng', () => {
  test('a 640 x 400 chart with the true (green) and predicted (red) curves', () => {
    const { width, height, pixels, channels } = decodePng(
      volumeCurvePng([120, 90, 50, 80, 110], [118, 92, 55, 79, 112]),
    );
    expect([width, height]).toEqual([640, 400]);
    const rgb = new Uint8Array((pixels.length / channels) * 3);
    for (let i = 0, j = 0; i < pixels.length; i += channels, j += 3) rgb.set(pixels.subarray(i, i + 3), j);
    expect(colourCount(rgb, [0x2c, 0xa0, 0x2c])).toBeGreaterThan(50);
    expect(colourCount(rgb, [0xd6, 0x27, 0x28])).toBeGreaterThan(50);
  });

  test('fewer than 2 phases, or predicted of another length: refused', () => {
    expect(() => volumeCurvePng([100])).toThrow(
      /volumeCurvePng: expected truth to hold the volumes of at least 2 phases, got 1/,
    );
    expect(() => volumeCurvePng([100, 50], [1, 2, 3])).toThrow(
      /volumeCurvePng: expected predicted to hold one volume per phase \(2\), got 3/,
    );
  });
});
