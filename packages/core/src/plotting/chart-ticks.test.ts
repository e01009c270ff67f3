import { expect, test } from 'vitest';
import { chartLayout } from './chart-layout.js';
import { lineChartPng } from './line-chart-png.js';
import { lineChartSvg } from './line-chart.js';
import { extent, logTicks, niceTicks } from './chart-ticks.js';

const values = (exponents: number[]) => exponents.map((e) => Number((10 ** e).toPrecision(6)));

test('niceTicks: 1-2-5 steps covering the range', () => {
  expect(niceTicks(0, 1, 5)).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
  expect(niceTicks(3, 3, 5)).toEqual([3]);
  // A negative start off the step grid: the zero tick is exactly 0 (a running sum gave -1.4e-16).
  expect(niceTicks(-0.7, 0.1, 8)).toEqual([-0.6, -0.5, -0.4, -0.3, -0.2, -0.1, 0, 0.1]);
  expect(niceTicks(-1.3, 0.2, 8)).toEqual([-1.2, -1, -0.8, -0.6, -0.4, -0.2, 0, 0.2]);
});

test('logTicks: decades, 1-2-5 within decades, or linear values under one decade; never 10^0.5', () => {
  expect(values(logTicks(-2, 0.5, 5))).toEqual([0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1, 2]);
  expect(values(logTicks(-6, 2, 4))).toEqual([1e-6, 1e-4, 0.01, 1, 100]);
  expect(values(logTicks(Math.log10(0.3), Math.log10(0.8), 5))).toEqual([0.4, 0.6, 0.8]);
  for (const t of logTicks(-1.3, 2.7, 5))
    expect([1, 2, 5]).toContain(Number((10 ** (t - Math.floor(t + 1e-9))).toPrecision(6)));
});

test('the legend sits on a white box over the curves, wide enough for the longest name', () => {
  const layout = chartLayout('test', [
    { name: 'a', values: [1, 2] },
    { name: 'a much longer name', values: [2, 1] },
  ]);
  const roles = layout.primitives.map((p) => p.role);
  expect(roles.lastIndexOf('series')).toBeLessThan(roles.indexOf('legend'));
  const box = layout.primitives.find((p) => p.kind === 'rect' && p.role === 'legend');
  expect(box).toMatchObject({ fill: 'white', width: 40 + 7 * 'a much longer name'.length });
  const plotRight = layout.plot.left + layout.plot.width;
  if (box?.kind === 'rect') expect(box.x + box.width).toBeLessThanOrEqual(plotRight);
});

test('a per-step curve of 300,000 points draws (no spread of the values into Math.min)', () => {
  const values = Array.from({ length: 300_000 }, (_, i) => 2 / (1 + i / 1000));
  expect(extent(values)).toEqual([2 / (1 + 299.999), 2]);
  expect(lineChartSvg([{ name: 'loss', values }], { logY: true })).toContain('<path');
  expect(lineChartPng([{ name: 'loss', values }]).length).toBeGreaterThan(1000);
});
