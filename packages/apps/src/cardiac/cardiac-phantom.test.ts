import { ArgumentError } from '@baihua/core';
import { describe, expect, test } from 'vitest';
import { cardiacPhantomCase, cardiacPhantomCases } from './cardiac-phantom.js';
import { classifyEjectionFraction } from './ejection-fraction-class.js';
import { ellipsoidOccupancy, rotationFromAngles } from './ellipsoid-occupancy.js';
import { gaussianBlur3d } from './gaussian-blur3d.js';

const small = { shape: [8, 12, 12], spacing: [12, 7.5, 7.5], phases: 10 } as const;

describe('cardiacPhantomCase', () => {
  test('the same seed and index give the same bytes; another seed or index does not', () => {
    const a = cardiacPhantomCase(7, 3, small);
    const b = cardiacPhantomCase(7, 3, small);
    expect(Buffer.from(a.images.buffer).equals(Buffer.from(b.images.buffer))).toBe(true);
    expect(Buffer.from(a.masks).equals(Buffer.from(b.masks))).toBe(true);
    expect(a.parameters).toEqual(b.parameters);
    expect(Buffer.from(cardiacPhantomCase(8, 3, small).images.buffer).equals(Buffer.from(a.images.buffer))).toBe(false);
    expect(Buffer.from(cardiacPhantomCase(7, 4, small).images.buffer).equals(Buffer.from(a.images.buffer))).toBe(false);
    // A case does not depend on which others are generated with it.
    const batch = cardiacPhantomCases(7, 2, { ...small, first: 2 });
    expect(Buffer.from(batch[1]!.images.buffer).equals(Buffer.from(a.images.buffer))).toBe(true);
  });

  test('the analytic cycle: EDV at phase 0, ESV at round(0.35 P), EF as drawn', () => {
    const c = cardiacPhantomCase(2026, 0, { phases: 12 });
    expect(c.analytic.endDiastolicPhase).toBe(0);
    expect(c.analytic.endSystolicPhase).toBe(4);
    expect(c.analytic.endDiastolicVolume).toBeCloseTo(c.parameters.endDiastolicVolume, 6);
    expect(c.analytic.ejectionFraction).toBeCloseTo(c.parameters.ejectionFraction, 6);
  });

  test('true EF from the voxel masks is within 2 points of the analytic EF; volumes within 4%', () => {
    for (const c of cardiacPhantomCases(2026, 8)) {
      expect(Math.abs(c.truth.ejectionFraction - c.analytic.ejectionFraction)).toBeLessThan(2);
      c.volumes.forEach((v, k) => {
        expect(Math.abs(v - c.analyticVolumes[k]!) / c.analyticVolumes[k]!).toBeLessThan(0.04);
      });
      expect(c.images.length).toBe(c.phases * 16 * 20 * 20);
      expect(c.phases).toBeGreaterThanOrEqual(10);
      expect(c.phases).toBeLessThanOrEqual(20);
    }
  });

  test('the cavity is brighter than its wall on average, and never touches the grid edge', () => {
    const c = cardiacPhantomCase(2026, 1);
    const size = 16 * 20 * 20;
    let [inside, insideCount, outside, outsideCount] = [0, 0, 0, 0];
    for (let i = 0; i < c.images.length; i++) {
      if (c.masks[i]) [inside, insideCount] = [inside + c.images[i]!, insideCount + 1];
      else [outside, outsideCount] = [outside + c.images[i]!, outsideCount + 1];
    }
    expect(inside / insideCount).toBeGreaterThan(outside / outsideCount + 0.2);
    for (let k = 0; k < c.phases; k++) {
      for (let i = 0; i < size; i++) {
        const [z, y, x] = [Math.floor(i / 400), Math.floor(i / 20) % 20, i % 20];
        if ([0, 15].includes(z) || [0, 19].includes(y) || [0, 19].includes(x)) expect(c.masks[k * size + i]).toBe(0);
      }
    }
  });

  test('across 40 cases the true EF spans 20-75% and every class of the seed occurs', () => {
    const efs = cardiacPhantomCases(2026, 40, { ...small, supersample: 1 }).map((c) => c.parameters.ejectionFraction);
    expect(Math.min(...efs)).toBeLessThan(30);
    expect(Math.max(...efs)).toBeGreaterThan(65);
    expect(new Set(efs.map(classifyEjectionFraction))).toEqual(
      new Set(['danger', 'reduced', 'normal', 'above-normal']),
    );
  });

  test('bad options are refused naming the function and the argument', () => {
    const cases: [unknown, RegExp][] = [
      [
        { spacing: [0, 4, 4] },
        /cardiacPhantomCase: expected options.spacing to be \[dz, dy, dx\] in mm.*got \[0,4,4\]/,
      ],
      [{ shape: [8, 8] }, /cardiacPhantomCase: expected options.shape to be \[D, H, W\]/],
      [{ phases: 1 }, /cardiacPhantomCase: expected options.phases to be an integer >= 2/],
      [{ phases: [12, 10] }, /options.phases/],
      [{ phase: 10 }, /unknown key 'phase' in options \(did you mean 'phases'\?/],
    ];
    for (const [options, message] of cases) {
      const call = () => cardiacPhantomCase(1, 0, options as never);
      expect(call).toThrow(message);
      expect(call).toThrow(ArgumentError);
    }
    expect(() => cardiacPhantomCase(1, -1)).toThrow(/cardiacPhantomCase: expected index to be an integer >= 0/);
  });
});

describe('ellipsoidOccupancy', () => {
  test('a sphere of radius 5 mm on a 1 mm grid holds 4/3 pi 125 mm^3 within 1%', () => {
    const grid = { shape: [14, 14, 14], spacing: [1, 1, 1] } as const;
    const sphere = { centre: [6.5, 6.5, 6.5], semiAxes: [5, 5, 5], rotation: rotationFromAngles(0.3, 1, 2) } as const;
    const total = ellipsoidOccupancy(grid, sphere, 6).reduce((a, b) => a + b, 0);
    expect(Math.abs(total - (4 / 3) * Math.PI * 125) / ((4 / 3) * Math.PI * 125)).toBeLessThan(0.01);
  });

  test('rotationFromAngles is orthonormal and tilts the long axis by the tilt angle', () => {
    const r = rotationFromAngles(0.4, 1.1, 2.3);
    for (let a = 0; a < 3; a++)
      for (let b = 0; b < 3; b++) {
        const dot = r[a]! * r[b]! + r[3 + a]! * r[3 + b]! + r[6 + a]! * r[6 + b]!;
        expect(dot).toBeCloseTo(a === b ? 1 : 0, 10);
      }
    expect(Math.acos(r[0]!)).toBeCloseTo(0.4, 10); // the first column's z component: cos(tilt)
  });
});

describe('gaussianBlur3d', () => {
  test('keeps the total of an interior spike, spreads it symmetrically, and leaves sigma 0 axes alone', () => {
    const values = new Float32Array(9 * 9 * 9);
    values[4 * 81 + 4 * 9 + 4] = 1;
    const blurred = gaussianBlur3d(values, [9, 9, 9], [0, 1, 1]);
    expect(blurred.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5);
    expect(blurred[4 * 81 + 4 * 9 + 3]).toBeCloseTo(blurred[4 * 81 + 4 * 9 + 5]!, 7);
    expect(blurred[3 * 81 + 4 * 9 + 4]).toBe(0);
    expect(blurred[4 * 81 + 4 * 9 + 4]!).toBeLessThan(0.2);
  });
});
