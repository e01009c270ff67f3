import '@baihua/core/testing';
import { describe, expect, test } from 'vitest';
import { barChartSvg } from './svg-bar-chart.js';

describe('SVG bar chart', () => {
  test('one bar per series and group, escaped labels, no NaN coordinates', () => {
    const svg = barChartSvg({
      title: 'matMul <GFLOP/s>',
      unit: 'GFLOP/s',
      series: ['cpu', 'wasm'],
      groups: [
        {
          label: 'a & b',
          bars: [
            { series: 'cpu', value: 0.5 },
            { series: 'wasm', value: 20 },
          ],
        },
        {
          label: 'c',
          bars: [
            { series: 'cpu', value: 1 },
            { series: 'wasm', value: Number.NaN, note: 'not run' },
          ],
        },
      ],
      logScale: true,
    });
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg.trim().endsWith('</svg>')).toBe(true);
    expect(svg).toContain('matMul &lt;GFLOP/s&gt;');
    expect(svg).toContain('a &amp; b');
    expect(svg).toContain('not run');
    expect(svg.match(/<rect x="330"/g)?.length).toBe(3);
    expect(svg).not.toMatch(/NaN|Infinity/);
  });

  test('an empty chart says so', () => {
    expect(barChartSvg({ title: 't', unit: 'u', series: [], groups: [] })).toContain('No data in this run.');
  });
});
