import { assertKnownOptions } from '../checks/option-keys.js';
import { ArgumentError } from '../errors/argument-error.js';
import { assertChartSize, chartPalette } from './chart-input.js';
import type { ChartLayout, ChartPrimitive } from './chart-layout.js';
import { chartRect, chartText } from './chart-text.js';
import { extent, formatTick, niceTicks } from './chart-ticks.js';

/** One group of bars (one colour, one bar per category): a name for the legend and its values. */
export interface BarGroup {
  name: string;
  values: readonly number[];
  /** CSS colour; default from the line charts' palette. */
  color?: string;
}

/** Options of {@link barChartLayout}: as a line chart's, without a log axis. Defaults 640 x 400. */
export interface BarChartOptions {
  title?: string;
  xLabel?: string;
  yLabel?: string;
  width?: number;
  height?: number;
}

/** The keys of {@link BarChartOptions}. */
export const barChartOptionKeys: readonly string[] = ['title', 'xLabel', 'yLabel', 'width', 'height'];

function assertBarInput(functionName: string, categories: readonly string[], groups: readonly BarGroup[]): void {
  if (!Array.isArray(categories) || categories.length === 0 || categories.some((c) => typeof c !== 'string'))
    throw new ArgumentError(functionName, 'expected at least one category name (strings)');
  if (!Array.isArray(groups) || groups.length === 0)
    throw new ArgumentError(functionName, 'expected at least one group of bars');
  groups.forEach((g, k) => {
    assertKnownOptions(functionName, `groups[${k}]`, g, ['name', 'values', 'color']);
    if (typeof g.name !== 'string' || !Array.isArray(g.values) || g.values.length !== categories.length)
      throw new ArgumentError(
        functionName,
        `expected groups[${k}] to have a name and ${categories.length} values (one per category), ` +
          `got ${Array.isArray(g.values) ? g.values.length : typeof g.values}`,
      );
  });
}

/**
 * Lays out a grouped bar chart: one slot per category (its name under the axis), in each slot one
 * bar per group side by side (80% of the slot), bars from 0 (up for positive values, down for
 * negative), a linear y axis with about 5 nice ticks and grid lines, a legend of coloured squares
 * in the top-right corner. Margins as a line chart's (left 64, right 16, top 36 with a title else
 * 16, bottom 48). A NaN or infinite value draws no bar but the word `NaN` / `Infinity` at the axis
 * (role 'marker'), in its group's colour. Validates the input for `functionName`.
 *
 * @example
 * const layout = barChartLayout('classHistogramChart', ['0', '1'], [
 *   { name: 'label', values: [50, 50] },
 *   { name: 'predicted', values: [90, 10] },
 * ], { title: 'Classes' });
 *
 * In plain words: side-by-side columns, so two counts per category can be compared at a glance.
 */
export function barChartLayout(
  functionName: string,
  categories: readonly string[],
  groups: readonly BarGroup[],
  options: BarChartOptions = {},
): ChartLayout {
  assertKnownOptions(functionName, 'options', options, barChartOptionKeys);
  assertChartSize(functionName, options, { left: 64, right: 16, bottom: 48 });
  assertBarInput(functionName, categories, groups);
  const { title = '', xLabel = '', yLabel = '', width = 640, height = 400 } = options;
  const margin = { left: 64, right: 16, top: title ? 36 : 16, bottom: 48 };
  const [plotW, plotH] = [width - margin.left - margin.right, height - margin.top - margin.bottom];
  const finite = groups.flatMap((g) => g.values.filter((v) => Number.isFinite(v)));
  let [yMin, yMax] = extent([0, ...finite]);
  if (yMin === yMax) yMax = 1;
  const ticks = niceTicks(yMin, yMax, 5);
  [yMin, yMax] = [Math.min(yMin, ticks[0] as number), Math.max(yMax, ticks[ticks.length - 1] as number)];
  const py = (v: number) => margin.top + plotH - ((v - yMin) / (yMax - yMin)) * plotH;
  const primitives: ChartPrimitive[] = [chartRect('background', 0, 0, width, height, 'white')];
  if (title) primitives.push(chartText('title', width / 2, 22, title, { anchor: 'middle', fontSize: 15 }));
  for (const t of ticks) {
    const y = py(t);
    const grid = { kind: 'line', role: 'grid', x1: margin.left, x2: margin.left + plotW, y1: y, y2: y } as const;
    primitives.push({ ...grid, color: '#e0e0e0', lineWidth: 1, mapped: 'y' });
    primitives.push(
      chartText('tickLabel', margin.left - 6, y, formatTick(t), { anchor: 'end', baseline: 'middle', mapped: 'y' }),
    );
  }
  const colors = groups.map((g, k) => g.color ?? (chartPalette[k % chartPalette.length] as string));
  const slot = plotW / categories.length;
  const barWidth = (slot * 0.8) / groups.length;
  categories.forEach((name, c) => {
    const centre = margin.left + slot * (c + 0.5);
    primitives.push(chartText('tickLabel', centre, margin.top + plotH + 16, name, { anchor: 'middle' }));
    groups.forEach((g, k) => {
      const value = g.values[c] as number;
      const x = centre - slot * 0.4 + barWidth * k;
      if (!Number.isFinite(value)) {
        const label = Number.isNaN(value) ? 'NaN' : value > 0 ? 'Infinity' : '-Infinity';
        primitives.push(
          chartText('marker', x + barWidth / 2, py(0) - 4, label, { anchor: 'middle', color: colors[k] as string }),
        );
      } else if (value !== 0) {
        const [top, bottom] = value > 0 ? [py(value), py(0)] : [py(0), py(value)];
        primitives.push(chartRect('bar', x, top, barWidth, bottom - top, colors[k] as string));
      }
    });
  });
  primitives.push(chartRect('frame', margin.left, margin.top, plotW, plotH, null, 'black'));
  if (xLabel)
    primitives.push(chartText('axisLabel', margin.left + plotW / 2, height - 8, xLabel, { anchor: 'middle' }));
  if (yLabel)
    primitives.push(chartText('axisLabel', 14, margin.top + plotH / 2, yLabel, { anchor: 'middle', rotation: -90 }));
  const legendWidth = 30 + 7 * Math.max(...groups.map((g) => g.name.length));
  const legendLeft = margin.left + plotW - 6 - legendWidth;
  primitives.push(
    chartRect('legend', legendLeft, margin.top + 5, legendWidth, 16 * groups.length + 2, 'white', '#c0c0c0'),
  );
  groups.forEach((g, k) => {
    const ly = margin.top + 14 + 16 * k;
    primitives.push(chartRect('legend', legendLeft + 6, ly - 5, 10, 10, colors[k] as string));
    primitives.push(chartText('legend', legendLeft + 22, ly, g.name, { baseline: 'middle' }));
  });
  return {
    width,
    height,
    plot: { left: margin.left, top: margin.top, width: plotW, height: plotH },
    toPixel: (x, y) => [margin.left + slot * (x + 0.5), py(y)],
    primitives,
  };
}
