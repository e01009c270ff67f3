import { expect, test } from 'vitest';
import { History } from '../training/history.js';
import { bitmapTextWidth } from './bitmap-font.js';
import { chartLayout } from './chart-layout.js';
import { lineChartPng } from './line-chart-png.js';
import { plotHistoryPng } from './plot-history.js';
import { decodePng, type DecodedPng } from '../../test/png-decoder.js';

const white = [255, 255, 255];
const tab10Blue = [31, 119, 180];
const tab10Orange = [255, 127, 14];

const series = [
  { name: 'loss', values: [2.3, 1.2, 0.8, 0.6, 0.5, 0.45] },
  { name: 'valLoss', values: [2.5, 1.6, 1.3, 1.2, 1.15, 1.2] },
];
const options = { title: 'Loss', xLabel: 'epoch', yLabel: 'loss' };

/** How many pixels in the box [x0, x1) x [y0, y1) are not white. */
function inkIn(png: DecodedPng, x0: number, y0: number, x1: number, y1: number): number {
  let count = 0;
  for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) if (png.pixel(x, y).some((c) => c !== 255)) count++;
  return count;
}

function countColour(png: DecodedPng, rgb: number[]): number {
  let count = 0;
  for (let i = 0; i < png.pixels.length; i += 3)
    if (png.pixels[i] === rgb[0] && png.pixels[i + 1] === rgb[1] && png.pixels[i + 2] === rgb[2]) count++;
  return count;
}

/** True when some pixel in the 3 x 3 block around (x, y) has exactly this colour. */
function colourNear(png: DecodedPng, x: number, y: number, rgb: number[]): boolean {
  for (let dy = -1; dy <= 1; dy++)
    for (let dx = -1; dx <= 1; dx++)
      if (png.pixel(Math.floor(x) + dx, Math.floor(y) + dy).join() === rgb.join()) return true;
  return false;
}

test('lineChartPng: a valid 640 x 400 RGB PNG (signature, IHDR, CRCs, zlib) on a white background', () => {
  const file = lineChartPng(series, options);
  expect([...file.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  const png = decodePng(file); // throws on any bad CRC or filter byte
  expect(png.chunkTypes).toEqual(['IHDR', 'IDAT', 'IEND']);
  expect([png.width, png.height, png.bitDepth, png.colorType, png.interlace]).toEqual([640, 400, 8, 2, 0]);
  for (const [x, y] of [
    [0, 0],
    [639, 0],
    [0, 399],
    [639, 399],
    [400, 300],
  ] as const)
    expect(png.pixel(x, y)).toEqual(white);
  expect(file.length).toBeLessThan(40_000); // compresses well: mostly white
});

test('lineChartPng: each series is drawn in its colour along the layout mapping, and nowhere off it', () => {
  const png = decodePng(lineChartPng(series, options));
  const layout = chartLayout('lineChartPng', series, options);
  series.forEach((s, k) => {
    const colour = k === 0 ? tab10Blue : tab10Orange;
    for (let i = 0; i + 1 < s.values.length; i++) {
      for (const t of [0.25, 0.5, 0.75]) {
        // points on each segment, away from the joins
        const [x, y] = layout.toPixel(i + 1 + t, (s.values[i] as number) * (1 - t) + (s.values[i + 1] as number) * t);
        expect(colourNear(png, x, y, colour), `${s.name} at (${x.toFixed(1)}, ${y.toFixed(1)})`).toBe(true);
      }
    }
  });
  // 12 px below the blue line there is no blue in the plot.
  const [x, y] = layout.toPixel(4.5, 0.55);
  expect(colourNear(png, x, y + 12, tab10Blue)).toBe(false);
  // Both colours present (lines and legend), and they differ.
  expect(countColour(png, tab10Blue)).toBeGreaterThan(500);
  expect(countColour(png, tab10Orange)).toBeGreaterThan(500);
  // A custom colour replaces the palette's.
  const red = decodePng(lineChartPng([{ ...series[0], color: 'red' } as (typeof series)[0]], options));
  expect(countColour(red, [255, 0, 0])).toBeGreaterThan(500);
  expect(countColour(red, tab10Blue)).toBe(0);
});

test('lineChartPng: title, axis labels, tick labels and legend leave ink where the layout puts them', () => {
  const png = decodePng(lineChartPng(series, options));
  const titleWidth = bitmapTextWidth('Loss', 2);
  // The title, 2x font, baseline 22.
  expect(inkIn(png, 320 - titleWidth / 2 - 1, 22 - 14, 320 + titleWidth / 2 + 1, 22)).toBeGreaterThan(40);
  expect(inkIn(png, 0, 0, 640, 6)).toBe(0); // nothing above the title
  expect(inkIn(png, 300, 381, 340, 393)).toBeGreaterThan(15); // 'epoch' at the bottom centre
  expect(inkIn(png, 6, 170, 16, 220)).toBeGreaterThan(15); // 'loss' turned upwards at x = 14
  expect(inkIn(png, 20, 30, 58, 360)).toBeGreaterThan(60); // y tick labels, right-aligned at x = 58
  expect(inkIn(png, 530, 42, 600, 54)).toBeGreaterThan(15); // legend text 'loss'
  const untitled = decodePng(lineChartPng(series, { ...options, title: '' }));
  expect(inkIn(untitled, 0, 0, 640, 10)).toBe(0);
});

test('lineChartPng: the same input gives the same bytes; another input other bytes', () => {
  const first = lineChartPng(series, options);
  expect(lineChartPng(series, options)).toEqual(first);
  expect(lineChartPng(series, { ...options, logY: true })).not.toEqual(first);
  const small = decodePng(lineChartPng(series, { width: 200, height: 120 }));
  expect([small.width, small.height]).toEqual([200, 120]);
});

test('plotHistoryPng: loss curves by default, accuracy on request, errors name plotHistoryPng', () => {
  const history = new History();
  [
    [2, 0.3, 2.1],
    [1, 0.6, 1.4],
    [0.6, 0.8, 1.1],
    [0.4, 0.9, 1.0],
  ].forEach(([loss, accuracy, valLoss], epoch) =>
    history.record(epoch, { loss: loss as number, accuracy: accuracy as number, valLoss: valLoss as number }),
  );
  const losses = decodePng(plotHistoryPng(history));
  expect([losses.width, losses.height]).toEqual([640, 400]);
  expect(countColour(losses, tab10Blue)).toBeGreaterThan(300);
  expect(countColour(losses, tab10Orange)).toBeGreaterThan(300); // valLoss
  expect(inkIn(losses, 300, 8, 340, 22)).toBeGreaterThan(20); // the default title 'Loss'
  const accuracy = decodePng(plotHistoryPng(history, { metrics: ['accuracy'], width: 320, height: 200 }));
  expect([accuracy.width, accuracy.height]).toEqual([320, 200]);
  expect(countColour(accuracy, tab10Orange)).toBe(0); // one series only
  expect(() => plotHistoryPng(history, { metrics: ['f1'] })).toThrow(
    /^plotHistoryPng: none of the metrics f1 was recorded \(have: loss, accuracy, valLoss\)$/,
  );
});
