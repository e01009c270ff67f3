import { assertKnownOptions } from '../checks/option-keys.js';
import { ArgumentError } from '../errors/argument-error.js';
import { assertPositiveInteger } from '../checks/value-checks.js';

/** One line of a chart: a name for the legend and its y values at x = 1, 2, 3, ... (or `x`). */
export interface LineSeries {
  name: string;
  values: readonly number[];
  /** x positions, as many as values; default 1..n. */
  x?: readonly number[];
  /** CSS colour; default from a fixed palette. PNG output understands hex, rgb()/rgba() and basic names. */
  color?: string;
}

/** Options of {@link lineChartSvg} and {@link lineChartPng}. */
export interface LineChartOptions {
  title?: string;
  xLabel?: string;
  yLabel?: string;
  /** Pixels, integers from the axes' minimum (plot area >= 16 px) up to 8192. Defaults 640 x 400. */
  width?: number;
  height?: number;
  /** Logarithmic y axis (values <= 0 are skipped). Default false. */
  logY?: boolean;
}

/** The colours series get by default, in order (matplotlib's first six). */
export const chartPalette: readonly string[] = ['#1f77b4', '#ff7f0e', '#2ca02c', '#d62728', '#9467bd', '#8c564b'];

/** Largest width or height accepted, in pixels. */
export const maxChartSize = 8192;

const minPlotSize = 16;

/** The keys of {@link LineChartOptions}. */
export const chartOptionKeys: readonly string[] = ['title', 'xLabel', 'yLabel', 'width', 'height', 'logY'];

/**
 * Throws an ArgumentError naming `functionName` unless the series and options can be charted:
 * at least one series, each with a string name, an array of values, `x` (if given) an array as
 * long as `values`, `color` (if given) a string; labels strings; width and height integers in
 * [margins + 16, 8192].
 *
 * @example
 * assertChartInput('lineChartSvg', [{ name: 'loss', values: [1, 0.5] }], { width: 640 });
 *
 * In plain words: refuse a chart that cannot be drawn, and say why.
 */
export function assertChartInput(functionName: string, series: readonly LineSeries[], options: LineChartOptions): void {
  assertKnownOptions(functionName, 'options', options, chartOptionKeys);
  if (!Array.isArray(series) || series.length === 0)
    throw new ArgumentError(functionName, 'expected at least one series');
  series.forEach((s: LineSeries, k) => {
    if (typeof s !== 'object' || s === null)
      throw new ArgumentError(functionName, `expected series[${k}] to be an object { name, values }, got ${String(s)}`);
    assertKnownOptions(functionName, `series[${k}]`, s, ['name', 'values', 'x', 'color']);
    if (typeof s.name !== 'string')
      throw new ArgumentError(functionName, `expected series[${k}].name to be a string, got ${typeof s.name}`);
    if (!Array.isArray(s.values))
      throw new ArgumentError(
        functionName,
        `expected series[${k}].values to be an array of numbers, got ${typeof s.values}`,
      );
    if (s.x !== undefined && (!Array.isArray(s.x) || s.x.length !== s.values.length)) {
      throw new ArgumentError(
        functionName,
        `expected series[${k}].x to be an array of ${s.values.length} numbers (one per value), ` +
          `got ${Array.isArray(s.x) ? `${s.x.length}` : typeof s.x}`,
      );
    }
    if (s.color !== undefined && typeof s.color !== 'string')
      throw new ArgumentError(
        functionName,
        `expected series[${k}].color to be a CSS colour string, got ${typeof s.color}`,
      );
  });
  assertChartSize(functionName, options, { left: 64, right: 16, bottom: 48 });
}

/**
 * Throws an ArgumentError naming `functionName` unless the title and axis labels (if given) are strings
 * and width and height (if given) are integers with room for the margins plus a 16 px plot, at most 8192.
 *
 * @example
 * assertChartSize('barChartSvg', { width: 640 }, { left: 64, right: 16, bottom: 48 });
 *
 * In plain words: refuse a picture too small to hold its axes, or absurdly big.
 */
export function assertChartSize(
  functionName: string,
  options: { title?: string; xLabel?: string; yLabel?: string; width?: number; height?: number },
  margins: { left: number; right: number; bottom: number },
): void {
  for (const key of ['title', 'xLabel', 'yLabel'] as const) {
    if (options[key] !== undefined && typeof options[key] !== 'string')
      throw new ArgumentError(functionName, `expected options.${key} to be a string, got ${typeof options[key]}`);
  }
  const top = options.title ? 36 : 16;
  const limits = {
    width: margins.left + margins.right + minPlotSize,
    height: top + margins.bottom + minPlotSize,
  };
  for (const key of ['width', 'height'] as const) {
    const value = options[key];
    if (value === undefined) continue;
    assertPositiveInteger(functionName, `options.${key}`, value);
    if (value < limits[key] || value > maxChartSize) {
      throw new ArgumentError(
        functionName,
        `expected options.${key} in [${limits[key]}, ${maxChartSize}] ` +
          `(room for the axes, at most ${maxChartSize} px), ` +
          `got ${value}`,
      );
    }
  }
}
