import { ArgumentError } from '../errors/argument-error.js';
import type { History } from '../training/history.js';
import { lineChartSvg, type LineChartOptions } from './line-chart.js';

/**
 * Plots metrics of a training History as an SVG line chart over epochs. Default metrics: the
 * losses ('loss', 'valLoss' where recorded); pass ['accuracy', 'valAccuracy'] for accuracy curves.
 *
 * @example
 * writeFileSync('loss.svg', plotHistory(history));
 * writeFileSync('accuracy.svg', plotHistory(history, { metrics: ['accuracy', 'valAccuracy'] }));
 *
 * In plain words: the training diary as a picture.
 */
export function plotHistory(history: History, options: LineChartOptions & { metrics?: string[] } = {}): string {
  const { metrics = ['loss', 'valLoss'], ...chart } = options;
  const present = metrics.filter((m) => history.get(m).length > 0);
  if (present.length === 0) throw new ArgumentError('plotHistory', `none of the metrics ${metrics.join(', ')} was recorded (have: ${Object.keys(history.metrics).join(', ')})`);
  const series = present.map((name) => ({ name, values: history.get(name), x: history.epochs.map((e) => e + 1) }));
  const accuracyOnly = present.every((m) => /ccuracy/.test(m));
  return lineChartSvg(series, { xLabel: 'epoch', yLabel: accuracyOnly ? 'accuracy' : 'loss', title: accuracyOnly ? 'Accuracy' : 'Loss', ...chart });
}
