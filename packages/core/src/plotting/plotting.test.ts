import { expect, test } from 'vitest';
import { History } from '../training/history.js';
import { lineChartSvg } from './line-chart.js';
import { plotHistory } from './plot-history.js';

test('lineChartSvg: one path per series, scaled into the plot, labels escaped', () => {
  const svg = lineChartSvg(
    [
      { name: 'a<b', values: [1, 0] },
      { name: 'flat', values: [0.5, 0.5, Number.NaN] },
    ],
    { title: 'T & U', width: 200, height: 100 },
  );
  expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg" width="200" height="100"')).toBe(true);
  expect(svg).toContain('a&lt;b');
  expect(svg).toContain('T &amp; U');
  const paths = [...svg.matchAll(/<path d="([^"]+)"/g)].map((m) => m[1]);
  expect(paths).toHaveLength(2);
  // First series: x 1 -> left edge (64), x 2 -> right edge (184); y 1 -> top (36), y 0 -> bottom (52).
  expect(paths[0]).toBe('M64.0,36.0 L184.0,52.0');
  expect(paths[1]).toBe('M64.0,44.0 L184.0,44.0');
  expect(svg.trim().endsWith('</svg>')).toBe(true);
});

test('lineChartSvg: log axis skips non-positive values; refuses nothing to plot', () => {
  const svg = lineChartSvg([{ name: 'loss', values: [1, 0.1, 0, 0.01] }], { logY: true });
  expect((svg.match(/<path d="([^"]+)"/)?.[1] ?? '').split(' ')).toHaveLength(3);
  expect(() => lineChartSvg([])).toThrow(/lineChartSvg: expected at least one series/);
  expect(() => lineChartSvg([{ name: 'x', values: [Number.NaN] }])).toThrow(
    /lineChartSvg: expected at least one finite value to plot/,
  );
});

test('History records per-epoch logs; plotHistory draws loss or accuracy curves', () => {
  const history = new History();
  history.record(0, { loss: 2, accuracy: 0.3 });
  history.record(1, { loss: 1, accuracy: 0.6, valLoss: 1.2 });
  expect(history.get('valLoss')).toEqual([Number.NaN, 1.2]);
  expect(history.last('loss')).toBe(1);
  const losses = plotHistory(history);
  expect(losses).toContain('>loss<');
  expect(losses).toContain('>valLoss<');
  expect(losses).toContain('>Loss<');
  const accuracy = plotHistory(history, { metrics: ['accuracy'] });
  expect(accuracy).toContain('>Accuracy<');
  expect(() => plotHistory(history, { metrics: ['f1'] })).toThrow(
    /plotHistory: none of the metrics f1 was recorded \(have: loss, accuracy, valLoss\)/,
  );
});
