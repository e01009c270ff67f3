import {
  ArgumentError,
  type LineChartOptions,
  type LineSeries,
  assertKnownOptions,
  assertPositiveInteger,
  lineChartPng,
} from '@baihua/core';
import type { RollingOriginResult } from './rolling-origin.js';
import { assertSeries } from './series-checks.js';

const chartKeys = ['title', 'xLabel', 'yLabel', 'width', 'height', 'logY', 'x', 'history'];

/** Options of {@link forecastChartPng}: the line chart's, plus the x axis and how much history to show. */
export interface ForecastChartOptions extends LineChartOptions {
  /** x position of each series value (e.g. decimal years); default the index. */
  x?: readonly number[];
  /** Training values shown before the first origin; default all. */
  history?: number;
}

/**
 * A PNG of a rolling-origin evaluation ({@link lineChartPng}, same options; default title none):
 * the training span (blue), the held-out span (orange) and the forecasts (green) from every
 * horizon-th origin, so each held-out value is forecast once and the segments tile the span; the
 * x axis is `x[t]` (e.g. the year) when given, else the index t; `history` trims the training span
 * to its last values so that a short held-out span stays readable.
 *
 * @example
 * writeFileSync('co2.png', forecastChartPng(series, result, { title: 'CO2, horizon 12', x: years }));
 *
 * In plain words: the past, what really happened next, and what the model said would happen.
 */
export function forecastChartPng(
  series: readonly number[],
  result: RollingOriginResult,
  options: ForecastChartOptions = {},
): Uint8Array {
  assertKnownOptions('forecastChartPng', 'options', options, chartKeys);
  assertSeries('forecastChartPng', 'series', series, 2);
  const { x: xs, history, ...chart } = options;
  if (history !== undefined) assertPositiveInteger('forecastChartPng', 'options.history', history);
  if (xs !== undefined && (!Array.isArray(xs) || xs.length !== series.length))
    throw new ArgumentError(
      'forecastChartPng',
      `expected options.x of ${series.length} values, got ${Array.isArray(xs) ? xs.length : typeof xs}`,
    );
  const at = (t: number) => (xs ? (xs[t] as number) : t);
  const first = result.origins[0];
  const horizon = result.forecasts[0]?.length ?? 0;
  if (first === undefined || horizon === 0)
    throw new ArgumentError('forecastChartPng', 'expected a result with at least one forecast');
  const range = (from: number, to: number) => Array.from({ length: to - from }, (_, k) => from + k);
  const train = range(history === undefined ? 0 : Math.max(0, first - history), first + 1);
  const held = range(first, series.length);
  const shownX: number[] = [];
  const shownY: number[] = [];
  result.origins.forEach((o, k) => {
    if ((o - first) % horizon !== 0) return;
    (result.forecasts[k] ?? []).forEach((v, j) => {
      shownX.push(at(o + j));
      shownY.push(v);
    });
  });
  const lines: LineSeries[] = [
    { name: 'training span', x: train.map(at), values: train.map((t) => series[t] as number) },
    { name: 'held-out span', x: held.map(at), values: held.map((t) => series[t] as number) },
    { name: `forecasts (horizon ${horizon})`, x: shownX, values: shownY },
  ];
  return lineChartPng(lines, chart);
}
