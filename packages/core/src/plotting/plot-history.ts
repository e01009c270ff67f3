import { assertKnownOptions } from '../checks/option-keys.js';
import { ArgumentError } from '../errors/argument-error.js';
import type { History } from '../training/history.js';
import { chartOptionKeys, type LineChartOptions, type LineSeries } from './chart-input.js';
import { chartSvg } from './line-chart.js';
import { chartPng } from './line-chart-png.js';

/** Options of {@link plotHistory} and {@link plotHistoryPng}: the chart's, plus which metrics. */
export type PlotHistoryOptions = LineChartOptions & { metrics?: string[] };

function historyChart(
  functionName: string,
  history: History,
  options: PlotHistoryOptions,
): [LineSeries[], LineChartOptions] {
  const isHistory =
    typeof history === 'object' &&
    history !== null &&
    Array.isArray(history.epochs) &&
    typeof history.get === 'function';
  if (!isHistory)
    throw new ArgumentError(
      functionName,
      `expected history to be a History (what fit returns), got ${history === null ? 'null' : typeof history}`,
    );
  assertKnownOptions(functionName, 'options', options, [...chartOptionKeys, 'metrics']);
  const { metrics = ['loss', 'valLoss'], ...chart } = options;
  const present = metrics.filter((m) => history.get(m).length > 0);
  if (present.length === 0)
    throw new ArgumentError(
      functionName,
      `none of the metrics ${metrics.join(', ')} was recorded (have: ${Object.keys(history.metrics).join(', ')})`,
    );
  const series = present.map((name) => ({ name, values: history.get(name), x: history.epochs.map((e) => e + 1) }));
  const accuracyOnly = present.every((m) => /ccuracy/.test(m));
  return [
    series,
    {
      xLabel: 'epoch',
      yLabel: accuracyOnly ? 'accuracy' : 'loss',
      title: accuracyOnly ? 'Accuracy' : 'Loss',
      ...chart,
    },
  ];
}

/**
 * Plots metrics of a training History as an SVG line chart over epochs (x = epoch + 1). Default
 * metrics: the losses ('loss', 'valLoss' where recorded); pass ['accuracy', 'valAccuracy'] for
 * accuracy curves. Title and y label follow the metrics ('Loss' / 'Accuracy'); chart options as
 * in {@link lineChartSvg} (default 640 x 400).
 *
 * @example
 * writeFileSync('loss.svg', plotHistory(history));
 * writeFileSync('accuracy.svg', plotHistory(history, { metrics: ['accuracy', 'valAccuracy'] }));
 *
 * In plain words: the training diary as a picture.
 */
export function plotHistory(history: History, options: PlotHistoryOptions = {}): string {
  const [series, chart] = historyChart('plotHistory', history, options);
  return chartSvg('plotHistory', series, chart);
}

/**
 * {@link plotHistory} as PNG file bytes (via {@link lineChartPng}): same metrics, options and
 * defaults (640 x 400), pure JavaScript, so it works the same in Node and in browsers.
 *
 * @example
 * writeFileSync('loss.png', plotHistoryPng(history));
 * writeFileSync('accuracy.png', plotHistoryPng(history, { metrics: ['accuracy', 'valAccuracy'] }));
 *
 * In plain words: the training diary as a picture file.
 */
export function plotHistoryPng(history: History, options: PlotHistoryOptions = {}): Uint8Array {
  const [series, chart] = historyChart('plotHistoryPng', history, options);
  return chartPng('plotHistoryPng', series, chart);
}
