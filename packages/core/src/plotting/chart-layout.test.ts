import { expect, test } from 'vitest';
import { History } from '../training/history.js';
import { chartLayout } from './chart-layout.js';
import { lineChartSvg } from './line-chart.js';
import { lineChartPng } from './line-chart-png.js';
import { plotHistory, plotHistoryPng } from './plot-history.js';

test('chartLayout: margins, data-to-pixel mapping, one primitive list for both renderers', () => {
  const series = [
    { name: 'loss', values: [2, 1, 0.5] },
    { name: 'val', values: [2.5, Number.NaN, 1], x: [1, 2, 3] },
  ];
  const layout = chartLayout('lineChartSvg', series, { title: 'Loss', yLabel: 'loss' });
  expect([layout.width, layout.height]).toEqual([640, 400]);
  expect(layout.plot).toEqual({ left: 64, top: 36, width: 560, height: 316 });
  expect(layout.toPixel(1, 2.5)).toEqual([64, 36]); // x min at the left, y max at the top
  expect(layout.toPixel(3, 0.5)).toEqual([624, 352]);
  const polylines = layout.primitives.filter((p) => p.kind === 'polyline');
  expect(polylines.map((p) => p.points.length)).toEqual([3, 2]); // the NaN is skipped
  expect(polylines.map((p) => p.color)).toEqual(['#1f77b4', '#ff7f0e']);
  const texts = layout.primitives.flatMap((p) => (p.kind === 'text' ? [`${p.role}:${p.text}`] : []));
  expect(texts).toEqual(
    expect.arrayContaining([
      'title:Loss',
      'axisLabel:loss',
      'legend:loss',
      'legend:val',
      'tickLabel:2.5',
      'tickLabel:0.5',
      'tickLabel:1',
      'tickLabel:3',
    ]),
  );
  expect(layout.primitives[0]).toMatchObject({
    kind: 'rect',
    role: 'background',
    width: 640,
    height: 400,
    fill: 'white',
  });
  // The SVG writes exactly these polylines (one decimal).
  const d = lineChartSvg(series, { title: 'Loss', yLabel: 'loss' }).match(/<path d="([^"]+)"/)?.[1];
  expect(d).toBe(
    polylines[0]?.points.map(([x, y], i) => `${i === 0 ? 'M' : 'L'}${x.toFixed(1)},${y.toFixed(1)}`).join(' '),
  );
});

test('chartLayout: a log axis maps decades evenly; a single point gets a widened range', () => {
  const layout = chartLayout('lineChartPng', [{ name: 'loss', values: [100, 10, 1] }], { logY: true, height: 300 });
  const [, y100] = layout.toPixel(1, 100);
  const [, y10] = layout.toPixel(2, 10);
  const [, y1] = layout.toPixel(3, 1);
  expect(y10 - y100).toBeCloseTo(y1 - y10, 10);
  expect(layout.primitives.some((p) => p.kind === 'text' && p.text === 'loss (log)')).toBe(false); // no y label given
  const single = chartLayout('lineChartPng', [{ name: 'one', values: [5] }]);
  expect(single.toPixel(1, 5)).toEqual([64 + 560 / 2, 16 + 336 / 2]); // centre of the plot
});

test('chart functions validate width and height (positive integers, room for the axes, at most 8192)', () => {
  const series = [{ name: 'loss', values: [1, 0.5] }];
  for (const [name, draw] of [
    ['lineChartSvg', lineChartSvg],
    ['lineChartPng', lineChartPng],
  ] as const) {
    expect(() => draw(series, { width: 0 })).toThrow(
      new RegExp(`^${name}: expected options.width to be a positive integer, got 0$`),
    );
    expect(() => draw(series, { height: 100.5 })).toThrow(
      new RegExp(`^${name}: expected options.height to be a positive integer, got 100.5$`),
    );
    expect(() => draw(series, { width: Number.NaN })).toThrow(
      new RegExp(`^${name}: expected options.width to be a positive integer, got NaN$`),
    );
    expect(() => draw(series, { width: 10000 })).toThrow(
      new RegExp(
        `^${name}: expected options.width in \\[96, 8192\\] \\(room for the axes, at most 8192 px\\), got 10000$`,
      ),
    );
    expect(() => draw(series, { width: 95 })).toThrow(/expected options.width in \[96, 8192\]/);
    expect(() => draw(series, { height: 99, title: 'T' })).toThrow(
      new RegExp(
        `^${name}: expected options.height in \\[100, 8192\\] \\(room for the axes, at most 8192 px\\), got 99$`,
      ),
    );
    expect(() => draw(series, { height: 79 })).toThrow(/expected options.height in \[80, 8192\]/);
  }
  expect(lineChartSvg(series, { width: 96, height: 80 })).toContain('width="96" height="80"');
  const history = new History();
  history.record(0, { loss: 1 });
  expect(() => plotHistory(history, { width: -3 })).toThrow(
    /^plotHistory: expected options.width to be a positive integer, got -3$/,
  );
  expect(() => plotHistoryPng(history, { height: 9000 })).toThrow(
    /^plotHistoryPng: expected options.height in \[100, 8192\]/,
  );
});

test('chart functions validate the series and labels', () => {
  const bad: [unknown, RegExp][] = [
    [[null], /^lineChartPng: expected series\[0\] to be an object \{ name, values \}, got null$/],
    [[{ name: 3, values: [1] }], /^lineChartPng: expected series\[0\]\.name to be a string, got number$/],
    [
      [
        { name: 'a', values: [1] },
        { name: 'b', values: 'oops' },
      ],
      /^lineChartPng: expected series\[1\]\.values to be an array of numbers, got string$/,
    ],
    [
      [{ name: 'a', values: [1, 2], x: [1] }],
      /^lineChartPng: expected series\[0\]\.x to be an array of 2 numbers \(one per value\), got 1$/,
    ],
    [
      [{ name: 'a', values: [1], color: 7 }],
      /^lineChartPng: expected series\[0\]\.color to be a CSS colour string, got number$/,
    ],
    ['loss', /^lineChartPng: expected at least one series$/],
  ];
  for (const [series, message] of bad) expect(() => lineChartPng(series as never)).toThrow(message);
  expect(() => lineChartPng([{ name: 'a', values: [1] }], { title: 5 as never })).toThrow(
    /^lineChartPng: expected options.title to be a string, got number$/,
  );
  expect(() => lineChartPng([{ name: 'a', values: [Number.NaN] }])).toThrow(
    /^lineChartPng: expected at least one finite value to plot$/,
  );
  expect(() => lineChartPng([{ name: 'a', values: [0, -1] }], { logY: true })).toThrow(
    /^lineChartPng: expected at least one finite value to plot$/,
  );
  // SVG passes any colour string to the browser; PNG must understand it.
  expect(lineChartSvg([{ name: 'a', values: [1], color: 'hsl(0 100% 50%)' }])).toContain('stroke="hsl(0 100% 50%)"');
  expect(() =>
    lineChartPng([
      { name: 'a', values: [1] },
      { name: 'b', values: [2], color: 'hsl(0 100% 50%)' },
    ]),
  ).toThrow(/^lineChartPng: expected series\[1\]\.color to be a CSS colour/);
  expect(() => plotHistoryPng({} as never)).toThrow(
    /^plotHistoryPng: expected history to be a History \(what fit returns\), got object$/,
  );
});
