import { ArgumentError } from '../errors/argument-error.js';
import { assertChartInput, chartPalette, type LineChartOptions, type LineSeries } from './chart-input.js';
import { chartText as text } from './chart-text.js';
import { extent, formatTick, logTicks, niceTicks } from './chart-ticks.js';

/** Which part of the chart a primitive draws (renderers may treat parts differently; tests find them). */
export type ChartRole =
  | 'background'
  | 'title'
  | 'grid'
  | 'tick'
  | 'tickLabel'
  | 'frame'
  | 'axisLabel'
  | 'series'
  | 'legend'
  | 'marker'
  | 'note'
  | 'cell'
  | 'bar'
  | 'colorBar';

/**
 * One drawing instruction, in pixels with y pointing down. `mapped` names the coordinates that
 * came from the data (the SVG renderer writes those with one decimal).
 */
export type ChartPrimitive =
  | {
      kind: 'rect';
      role: ChartRole;
      x: number;
      y: number;
      width: number;
      height: number;
      fill: string | null;
      stroke: string | null;
    }
  | {
      kind: 'line';
      role: ChartRole;
      x1: number;
      y1: number;
      x2: number;
      y2: number;
      color: string;
      lineWidth: number;
      mapped: 'x' | 'y' | null;
    }
  | { kind: 'polyline'; role: ChartRole; points: [number, number][]; color: string; lineWidth: number }
  | {
      kind: 'text';
      role: ChartRole;
      x: number;
      y: number;
      text: string;
      color: string;
      fontSize: number;
      anchor: 'start' | 'middle' | 'end';
      baseline: 'alphabetic' | 'middle';
      rotation: 0 | -90;
      mapped: 'x' | 'y' | null;
    };

/** Layout choices that are not user options: a fixed y range (in data units) instead of the data's extent. */
export interface ChartLayoutExtras {
  yRange?: [number, number];
  /** A fixed x range (data units), e.g. half a step beyond the first and last point for named positions. */
  xRange?: [number, number];
  /** Where the legend goes; default the top-right corner. */
  legendCorner?: 'top-left' | 'top-right';
}

/** A chart as renderer-independent primitives plus the data-to-pixel mapping. */
export interface ChartLayout {
  width: number;
  height: number;
  /** The plot area (inside the axes), in pixels. */
  plot: { left: number; top: number; width: number; height: number };
  /** Pixel position of the data point (x, y); y in data units (its log is taken on a log axis). */
  toPixel(x: number, y: number): [number, number];
  primitives: ChartPrimitive[];
}

/**
 * Lays out a line chart: margins (left 64, right 16, top 36 with a title else 16, bottom 48),
 * y ticks (about 5, with grid lines) and x ticks (about 8) at nice steps, the frame, the title
 * (15 px), axis labels, one polyline per series (2 px, non-finite points dropped, and values
 * <= 0 on a log axis) and a legend in the top-right corner. Validates the input for `functionName`.
 * `extras` (not user options): `yRange` / `xRange` fix an axis (data units) instead of fitting it to the data;
 * `legendCorner` moves the legend to the top-left.
 *
 * @example
 * const layout = chartLayout('lineChartPng', [{ name: 'loss', values: [2, 1, 0.5] }], { title: 'Loss' });
 * layout.toPixel(1, 2); // [64, 36]: first epoch, top of the plot
 *
 * In plain words: decide where every line and word of the picture goes, before drawing anything.
 */
export function chartLayout(
  functionName: string,
  series: readonly LineSeries[],
  options: LineChartOptions = {},
  extras: ChartLayoutExtras = {},
): ChartLayout {
  assertChartInput(functionName, series, options);
  const { title = '', xLabel = '', yLabel = '', width = 640, height = 400, logY = false } = options;
  const margin = { left: 64, right: 16, top: title ? 36 : 16, bottom: 48 };
  const plotW = width - margin.left - margin.right;
  const plotH = height - margin.top - margin.bottom;
  const toY = (v: number) => (logY ? Math.log10(v) : v);
  const points = series.map((s) =>
    s.values
      .map((v, i) => [s.x?.[i] ?? i + 1, v] as [number, number])
      .filter(([x, v]) => Number.isFinite(x) && Number.isFinite(v) && (!logY || v > 0)),
  );
  const all = points.flat();
  if (all.length === 0) throw new ArgumentError(functionName, 'expected at least one finite value to plot');
  const xs = all.map(([x]) => x);
  const ys = all.map(([, v]) => toY(v));
  let [[xMin, xMax], [yMin, yMax]] = [
    extras.xRange ?? extent(xs),
    extras.yRange ? (extras.yRange.map(toY) as [number, number]) : extent(ys),
  ];
  if (xMin === xMax) [xMin, xMax] = [xMin - 1, xMax + 1];
  if (yMin === yMax) [yMin, yMax] = [yMin - 1, yMax + 1];
  const px = (x: number) => margin.left + ((x - xMin) / (xMax - xMin)) * plotW;
  const py = (y: number) => margin.top + plotH - ((y - yMin) / (yMax - yMin)) * plotH;
  const line = (
    role: ChartRole,
    x1: number,
    x2: number,
    y1: number,
    y2: number,
    color: string,
    lineWidth: number,
    mapped: 'x' | 'y' | null = null,
  ): ChartPrimitive => ({ kind: 'line', role, x1, y1, x2, y2, color, lineWidth, mapped });
  const primitives: ChartPrimitive[] = [
    { kind: 'rect', role: 'background', x: 0, y: 0, width, height, fill: 'white', stroke: null },
  ];
  if (title) primitives.push(text('title', width / 2, 22, title, { anchor: 'middle', fontSize: 15 }));
  for (const t of logY ? logTicks(yMin, yMax, 5) : niceTicks(yMin, yMax, 5)) {
    const y = py(t);
    primitives.push(line('grid', margin.left, margin.left + plotW, y, y, '#e0e0e0', 1, 'y'));
    primitives.push(
      text('tickLabel', margin.left - 6, y, formatTick(logY ? 10 ** t : t), {
        anchor: 'end',
        baseline: 'middle',
        mapped: 'y',
      }),
    );
  }
  for (const t of niceTicks(xMin, xMax, 8)) {
    const x = px(t);
    primitives.push(line('tick', x, x, margin.top + plotH, margin.top + plotH + 4, 'black', 1, 'x'));
    primitives.push(text('tickLabel', x, margin.top + plotH + 16, formatTick(t), { anchor: 'middle', mapped: 'x' }));
  }
  primitives.push({
    kind: 'rect',
    role: 'frame',
    x: margin.left,
    y: margin.top,
    width: plotW,
    height: plotH,
    fill: null,
    stroke: 'black',
  });
  if (xLabel) primitives.push(text('axisLabel', margin.left + plotW / 2, height - 8, xLabel, { anchor: 'middle' }));
  if (yLabel)
    primitives.push(
      text('axisLabel', 14, margin.top + plotH / 2, `${yLabel}${logY ? ' (log)' : ''}`, {
        anchor: 'middle',
        rotation: -90,
      }),
    );
  const colors = series.map((s, k) => s.color ?? (chartPalette[k % chartPalette.length] as string));
  series.forEach((_, k) => {
    const path = (points[k] as [number, number][]).map(([x, v]): [number, number] => [px(x), py(toY(v))]);
    if (path.length > 0)
      primitives.push({ kind: 'polyline', role: 'series', points: path, color: colors[k] as string, lineWidth: 2 });
  });
  // The legend goes on top of the curves, on a white box sized to the longest name (about 7 px a
  // character at 12 px), so a curve through the top-right corner cannot hide it.
  const legendWidth = 40 + 7 * Math.max(...series.map((s) => s.name.length));
  const legendLeft = extras.legendCorner === 'top-left' ? margin.left + 6 : margin.left + plotW - 6 - legendWidth;
  primitives.push({
    kind: 'rect',
    role: 'legend',
    x: legendLeft,
    y: margin.top + 5,
    width: legendWidth,
    height: 16 * series.length + 2,
    fill: 'white',
    stroke: '#c0c0c0',
  });
  series.forEach((s, k) => {
    const ly = margin.top + 14 + 16 * k;
    primitives.push(line('legend', legendLeft + 6, legendLeft + 26, ly, ly, colors[k] as string, 2));
    primitives.push(text('legend', legendLeft + 32, ly, s.name, { baseline: 'middle' }));
  });
  return {
    width,
    height,
    plot: { left: margin.left, top: margin.top, width: plotW, height: plotH },
    toPixel: (x, y) => [px(x), py(toY(y))],
    primitives,
  };
}
