import { expect, test } from 'vitest';
import { blockMeans } from './heatmap-blocks.js';
import { divergingColour } from './diverging-colour.js';
import { heatmapStripLayout } from './heatmap-strip-layout.js';

test('divergingColour: white at 0, dark blue at -limit, dark red at +limit, clamped, black for NaN', () => {
  expect(divergingColour(0, 2)).toBe('#ffffff');
  expect(divergingColour(2, 2)).toBe('#b2182b');
  expect(divergingColour(5, 2)).toBe('#b2182b');
  expect(divergingColour(-2, 2)).toBe('#2166ac');
  expect(divergingColour(-0.5, 1)).toBe('#90b3d6');
  expect(divergingColour(Number.NaN, 1)).toBe('#000000');
  expect(divergingColour(Number.NEGATIVE_INFINITY, 1)).toBe('#000000');
});

test('blockMeans: averages blocks (ragged edges too); a non-finite value makes its block NaN', () => {
  expect(blockMeans([1, 2, 3, 4], 2, 2, 1)).toEqual([1, 2, 3, 4]);
  expect(blockMeans([1, 2, 3, 4], 2, 2, 2)).toEqual([2.5]);
  expect(blockMeans([1, 2, 3, 4, 5, 6], 2, 3, 2)).toEqual([3, 4.5]);
  expect(blockMeans([1, Number.POSITIVE_INFINITY, 3, 4], 2, 2, 2)).toEqual([Number.NaN]);
});

test('heatmapStripLayout: square whole-pixel cells, one scale for all panels, height fitted to the panels', () => {
  const layout = heatmapStripLayout(
    'f',
    [2, 2],
    [
      { label: 'a', values: [1, -1, 0, 0.5] },
      { label: 'b', values: [4, 0, 0, 0] },
    ],
  );
  expect(layout.limit).toBe(4);
  expect(layout.block).toBe(1);
  expect(Number.isInteger(layout.cell)).toBe(true);
  expect(layout.height).toBe(16 + 2 * layout.cell + 42);
  const cells = layout.primitives.filter((p) => p.role === 'cell');
  expect(cells).toHaveLength(8);
  expect(cells.map((c) => c.kind === 'rect' && c.fill)).toContain('#b2182b'); // 4 = the limit
  const [x, y] = layout.cellCentre(1, 1, 1);
  const last = cells[7];
  expect(last?.kind === 'rect' && [last.x + layout.cell / 2, last.y + layout.cell / 2]).toEqual([x, y]);
  expect(heatmapStripLayout('f', [1, 1], [{ label: 'z', values: [0] }]).limit).toBe(1); // all zero: white
  expect(() => heatmapStripLayout('f', [2, 2], [])).toThrow('f: expected at least one heat map');
});
