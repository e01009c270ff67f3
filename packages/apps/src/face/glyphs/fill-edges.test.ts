import { describe, expect, test } from 'vitest';
import { fillEdges } from './fill-edges.js';
import { type Affine, type OutlineCommand, flattenPath } from './flatten-path.js';

const identity: Affine = [1, 0, 0, 1, 0, 0];
const sum = (image: Float32Array): number => image.reduce((total, value) => total + value, 0);

/** A closed polygon as outline commands. */
function polygon(...points: [number, number][]): OutlineCommand[] {
  const [first, ...rest] = points;
  return [
    { command: 'moveTo', args: first as [number, number] },
    ...rest.map((point) => ({ command: 'lineTo', args: point })),
    { command: 'closePath', args: [] },
  ];
}

const square = (x0: number, y0: number, x1: number, y1: number): OutlineCommand[] =>
  polygon([x0, y0], [x1, y0], [x1, y1], [x0, y1]);

describe('glyph rasteriser (flattenPath + fillEdges)', () => {
  test('an integer square covers exactly its pixels', () => {
    const image = fillEdges(flattenPath(square(2, 2, 6, 6), identity), 8);
    for (let y = 0; y < 8; y++)
      for (let x = 0; x < 8; x++) expect(image[y * 8 + x]).toBe(x >= 2 && x < 6 && y >= 2 && y < 6 ? 1 : 0);
  });

  test('a half-pixel square: corners 1/4, sides 1/2, inside 1 (by hand)', () => {
    const image = fillEdges(flattenPath(square(1.5, 1.5, 4.5, 3.5), identity), 6);
    const expected = [
      [0, 0, 0, 0, 0, 0],
      [0, 0.25, 0.5, 0.5, 0.25, 0],
      [0, 0.5, 1, 1, 0.5, 0],
      [0, 0.25, 0.5, 0.5, 0.25, 0],
    ];
    for (const [y, row] of expected.entries())
      for (const [x, value] of row.entries()) expect(image[y * 6 + x]).toBeCloseTo(value, 6);
    expect(sum(image)).toBeCloseTo(6, 6);
  });

  test("a triangle's area is 1/2 base x height (midpoint rows integrate its linear width exactly)", () => {
    const image = fillEdges(flattenPath(polygon([1, 1], [11, 1], [1, 9]), identity), 12, 4);
    expect(sum(image)).toBeCloseTo(40, 5);
    expect(image[1 * 12 + 1]).toBe(1);
    expect(image[8 * 12 + 10]).toBe(0);
  });

  test('a hole drawn with the opposite winding is empty; the same winding fills it (non-zero rule)', () => {
    const outer = square(0, 0, 8, 8);
    const reversed = polygon([2, 2], [2, 6], [6, 6], [6, 2]);
    const holed = fillEdges(flattenPath([...outer, ...reversed], identity), 8);
    expect(sum(holed)).toBeCloseTo(48, 6);
    expect(holed[3 * 8 + 3]).toBe(0);
    const doubled = fillEdges(flattenPath([...outer, ...square(2, 2, 6, 6)], identity), 8);
    expect(sum(doubled)).toBeCloseTo(64, 6);
    expect(doubled[3 * 8 + 3]).toBe(1);
  });

  test('a parabolic segment and a Bezier circle come within 0.5% of their analytic areas', () => {
    // y = 2 + 5 * (1 - ((x - 6) / 5)^2) under the chord from (1, 2) to (11, 2): area 2/3 * 10 * 5.
    const parabola: OutlineCommand[] = [
      { command: 'moveTo', args: [1, 2] },
      { command: 'quadraticCurveTo', args: [6, 12, 11, 2] },
      { command: 'closePath', args: [] },
    ];
    expect(Math.abs(sum(fillEdges(flattenPath(parabola, identity), 12)) / (100 / 3) - 1)).toBeLessThan(0.005);
    const k = 0.5522847498 * 5;
    const circle: OutlineCommand[] = [
      { command: 'moveTo', args: [13, 8] },
      { command: 'bezierCurveTo', args: [13, 8 + k, 8 + k, 13, 8, 13] },
      { command: 'bezierCurveTo', args: [8 - k, 13, 3, 8 + k, 3, 8] },
      { command: 'bezierCurveTo', args: [3, 8 - k, 8 - k, 3, 8, 3] },
      { command: 'bezierCurveTo', args: [8 + k, 3, 13, 8 - k, 13, 8] },
      { command: 'closePath', args: [] },
    ];
    expect(Math.abs(sum(fillEdges(flattenPath(circle, identity), 16)) / (Math.PI * 25) - 1)).toBeLessThan(0.005);
  });

  test('the affine maps the outline exactly: a 90-degree turn and a 2x scale, and clipping at the cell', () => {
    const edges = flattenPath(polygon([0, 0], [4, 0], [0, 2]), [0, 1, -1, 0, 10, 0]);
    expect(Array.from(edges)).toEqual([10, 0, 10, 4, 10, 4, 8, 0, 8, 0, 10, 0]);
    expect(sum(fillEdges(flattenPath(square(1, 1, 3, 3), [2, 0, 0, 2, 0, 0]), 8))).toBeCloseTo(16, 6);
    expect(sum(fillEdges(flattenPath(square(-3, -3, 3, 3), identity), 8))).toBeCloseTo(9, 6);
  });
});
