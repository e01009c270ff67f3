import { chartLayout, type ChartLayout, type ChartPrimitive } from './chart-layout.js';
import type { LineChartOptions, LineSeries } from './chart-input.js';
import { drawBitmapText } from './bitmap-font.js';
import { parseCssColor } from './css-color.js';
import { encodePng } from './png-encoder.js';
import { RasterCanvas, type Rgba } from './raster-canvas.js';

/** Integer scale of the bitmap font for a CSS font size: 12 px (labels) -> 1, 15 px (title) -> 2. */
function fontScale(fontSize: number): number {
  return Math.max(1, Math.floor(fontSize / 7));
}

/** A band of whole pixels for a line of width `lineWidth` centred on `centre`: [start, thickness]. */
function snap(centre: number, lineWidth: number): [number, number] {
  const thickness = Math.max(1, Math.round(lineWidth));
  return [Math.round(centre - thickness / 2), thickness];
}

function draw(canvas: RasterCanvas, p: ChartPrimitive, colour: (text: string) => Rgba): void {
  switch (p.kind) {
    case 'rect': {
      if (p.fill) canvas.fillRect(p.x, p.y, p.width, p.height, colour(p.fill));
      if (p.stroke) {
        const [left, right, top, bottom] = [p.x, p.x + p.width, p.y, p.y + p.height];
        for (const [x1, y1, x2, y2] of [
          [left, top, right, top],
          [left, bottom, right, bottom],
          [left, top, left, bottom],
          [right, top, right, bottom + 1],
        ] as const) {
          draw(
            canvas,
            { kind: 'line', role: p.role, x1, y1, x2, y2, color: p.stroke, lineWidth: 1, mapped: null },
            colour,
          );
        }
      }
      return;
    }
    case 'line': {
      if (p.y1 === p.y2) {
        const [top, thickness] = snap(p.y1, p.lineWidth);
        canvas.fillRect(Math.min(p.x1, p.x2), top, Math.abs(p.x2 - p.x1), thickness, colour(p.color));
      } else if (p.x1 === p.x2) {
        const [left, thickness] = snap(p.x1, p.lineWidth);
        canvas.fillRect(left, Math.min(p.y1, p.y2), thickness, Math.abs(p.y2 - p.y1), colour(p.color));
      } else {
        canvas.strokePolyline(
          [
            [p.x1, p.y1],
            [p.x2, p.y2],
          ],
          colour(p.color),
          p.lineWidth,
        );
      }
      return;
    }
    case 'polyline':
      canvas.strokePolyline(p.points, colour(p.color), p.lineWidth);
      return;
    case 'text':
      drawBitmapText(canvas, p.text, p.x, p.y, {
        color: colour(p.color),
        scale: fontScale(p.fontSize),
        anchor: p.anchor,
        baseline: p.baseline,
        rotation: p.rotation,
      });
  }
}

/**
 * Draws a chart layout into a new RGBA canvas (axis-aligned lines snapped to whole pixels, series
 * anti-aliased, text in the built-in bitmap font).
 *
 * @example
 * const canvas = rasterizeChart(chartLayout('lineChartPng', series, {}));
 *
 * In plain words: paint the planned picture square by square.
 */
export function rasterizeChart(layout: Pick<ChartLayout, 'width' | 'height' | 'primitives'>): RasterCanvas {
  const canvas = new RasterCanvas(layout.width, layout.height);
  const cache = new Map<string, Rgba>();
  const colour = (text: string): Rgba => {
    if (!cache.has(text)) cache.set(text, parseCssColor('rasterizeChart', 'a colour', text));
    return cache.get(text) as Rgba;
  };
  for (const primitive of layout.primitives) draw(canvas, primitive, colour);
  return canvas;
}

/**
 * {@link lineChartPng} with errors reported as `functionName`'s (for wrappers such as plotHistoryPng).
 *
 * @example
 * chartPng('plotHistoryPng', series, { title: 'Loss' });
 *
 * In plain words: the PNG drawing itself, shared by every function that makes one.
 */
export function chartPng(functionName: string, series: readonly LineSeries[], options: LineChartOptions): Uint8Array {
  const layout = chartLayout(functionName, series, options);
  series.forEach((s, k) => {
    if (s.color !== undefined) parseCssColor(functionName, `series[${k}].color`, s.color);
  });
  const canvas = rasterizeChart(layout);
  return encodePng(canvas.pixels, canvas.width, canvas.height, { opaque: true });
}

/**
 * The same line chart as {@link lineChartSvg} (same layout, options and defaults: 640 x 400
 * pixels) as PNG file bytes (8-bit RGB, no alpha). Pure JavaScript: the same bytes in Node and
 * in browsers. Text uses a built-in 5 x 7 pixel font (labels 1x, title 2x) for printable ASCII;
 * any other character is drawn as a hollow box. Series colours: hex, rgb()/rgba() or a common
 * CSS name (others throw). A series with a single point shows as a dot.
 *
 * @example
 * writeFileSync('loss.png', lineChartPng([{ name: 'loss', values: [2.3, 0.9, 0.4] }], { title: 'Training loss' }));
 *
 * In plain words: the loss curve as a picture file any image viewer opens.
 */
export function lineChartPng(series: readonly LineSeries[], options: LineChartOptions = {}): Uint8Array {
  return chartPng('lineChartPng', series, options);
}

/**
 * Any chart layout (line, bar, heat map) as PNG file bytes (8-bit RGB), via {@link rasterizeChart}.
 *
 * @example
 * const png = layoutPng(chartLayout('lineChartPng', [{ name: 'loss', values: [2, 1] }]));
 *
 * In plain words: the planned picture as a picture file.
 */
export function layoutPng(layout: Pick<ChartLayout, 'width' | 'height' | 'primitives'>): Uint8Array {
  const canvas = rasterizeChart(layout);
  return encodePng(canvas.pixels, canvas.width, canvas.height, { opaque: true });
}
