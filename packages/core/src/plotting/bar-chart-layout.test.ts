import { expect, test } from 'vitest';
import { barChartLayout } from './bar-chart-layout.js';
import { layoutPng } from './line-chart-png.js';
import { layoutSvg } from './line-chart.js';
import { decodePng } from '../../test/png-decoder.js';

const groups = [
  { name: 'a', values: [4, 2, 0] },
  { name: 'b', values: [1, -2, 3] },
];

test('barChartLayout: one bar per group and category (none for 0), from 0 up or down, names under the axis', () => {
  const layout = barChartLayout('test', ['x', 'y', 'z'], groups, { title: 'T', yLabel: 'count' });
  const bars = layout.primitives.filter((p) => p.role === 'bar');
  expect(bars).toHaveLength(5);
  const [, zeroY] = layout.toPixel(0, 0);
  for (const bar of bars) {
    if (bar.kind !== 'rect') continue;
    expect(Math.abs(bar.y - zeroY) < 0.1 || Math.abs(bar.y + bar.height - zeroY) < 0.1).toBe(true);
  }
  const negative = bars[3]; // group b, category y: -2, below the axis
  expect(negative?.kind === 'rect' && negative.y).toBeCloseTo(zeroY, 0);
  const svg = layoutSvg(layout);
  for (const text of ['x', 'y', 'z', 'a', 'b', 'T', 'count', '-2', '4']) expect(svg).toContain(`>${text}</text>`);
});

test('barChartLayout: NaN and Infinity draw their word instead of a bar; PNG renders in the palette colours', () => {
  const layout = barChartLayout('test', ['x', 'y'], [{ name: 'a', values: [Number.NaN, Number.POSITIVE_INFINITY] }]);
  const words = layout.primitives.flatMap((p) => (p.kind === 'text' && p.role === 'marker' ? [p.text] : []));
  expect(words).toEqual(['NaN', 'Infinity']);
  expect(layout.primitives.filter((p) => p.role === 'bar')).toHaveLength(0);
  const png = decodePng(
    layoutPng(barChartLayout('test', ['x'], [{ name: 'a', values: [1] }], { width: 200, height: 150 })),
  );
  expect([png.width, png.height]).toEqual([200, 150]);
  expect(png.pixel(64 + 60, 100)).toEqual([31, 119, 180]);
});

test('barChartLayout: bad input is refused naming the function', () => {
  expect(() => barChartLayout('f', [], groups)).toThrow('f: expected at least one category name (strings)');
  expect(() => barChartLayout('f', ['x'], [])).toThrow('f: expected at least one group of bars');
  expect(() => barChartLayout('f', ['x', 'y'], [{ name: 'a', values: [1] }])).toThrow(
    'f: expected groups[0] to have a name and 2 values (one per category), got 1',
  );
  expect(() => barChartLayout('f', ['x'], [{ name: 'a', values: [1] }], { logY: true } as never)).toThrow(
    /^f: unknown key 'logY' in options/,
  );
});
