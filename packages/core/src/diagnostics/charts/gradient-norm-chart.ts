import { assertKnownOptions } from '../../checks/option-keys.js';
import { ArgumentError } from '../../errors/argument-error.js';
import { chartPalette } from '../../plotting/chart-input.js';
import { chartLayout, type ChartLayout } from '../../plotting/chart-layout.js';
import { layoutPng } from '../../plotting/line-chart-png.js';
import { layoutSvg } from '../../plotting/line-chart.js';
import { markUndrawable } from '../../plotting/undrawable-markers.js';
import type { DiagnosticsRecord } from '../diagnostics-record.js';
import { assertDiagnosticsRecord, assertHasIntervals } from './record-checks.js';

/** Options of {@link gradientNormChart}: a line chart's, without logY (always log). Defaults 640 x 400. */
export interface GradientNormChartOptions {
  title?: string;
  xLabel?: string;
  yLabel?: string;
  width?: number;
  height?: number;
}

function gradientNormLayout(
  functionName: string,
  record: DiagnosticsRecord,
  options: GradientNormChartOptions,
): ChartLayout {
  assertDiagnosticsRecord(functionName, record);
  assertKnownOptions(functionName, 'options', options, ['title', 'xLabel', 'yLabel', 'width', 'height']);
  assertHasIntervals(functionName, record);
  const x = record.intervals.map((interval) => interval.step);
  const series = [
    { name: 'mean', values: record.intervals.map((i) => i.gradientNorm), x, color: chartPalette[0] as string },
    { name: 'max', values: record.intervals.map((i) => i.maxGradientNorm), x, color: chartPalette[1] as string },
  ];
  if (!series.some((s) => s.values.some((v) => Number.isFinite(v) && v > 0)))
    throw new ArgumentError(
      functionName,
      `expected at least one finite gradient norm > 0 to plot on a log scale, got none in ${x.length} intervals`,
    );
  const layout = chartLayout(functionName, series, {
    title: 'Gradient norm',
    xLabel: 'step',
    yLabel: 'global gradient norm',
    ...options,
    logY: true,
  });
  return markUndrawable(layout, series, true);
}

/**
 * The global gradient norm (L2 norm of all raw gradients together) per interval as an SVG line
 * chart on a log scale: x = the interval's last step, two lines, the mean and the max over the
 * interval's steps. NaN or infinite norms leave a square on the top edge, zeros one on the bottom
 * edge, and a note. Defaults: 640 x 400, title 'Gradient norm'.
 *
 * @example
 * writeFileSync('gradient-norm.svg', gradientNormChart(diagnostics.record()));
 *
 * In plain words: how hard the whole network is being pushed at each moment; a sudden climb of
 * several powers of ten is an explosion.
 */
export function gradientNormChart(record: DiagnosticsRecord, options: GradientNormChartOptions = {}): string {
  return layoutSvg(gradientNormLayout('gradientNormChart', record, options));
}

/**
 * {@link gradientNormChart} as PNG file bytes (8-bit RGB, core's own encoder): same lines, options and defaults.
 *
 * @example
 * writeFileSync('gradient-norm.png', gradientNormChartPng(diagnostics.record()));
 *
 * In plain words: the gradient norm curve as a picture file.
 */
export function gradientNormChartPng(record: DiagnosticsRecord, options: GradientNormChartOptions = {}): Uint8Array {
  return layoutPng(gradientNormLayout('gradientNormChartPng', record, options));
}
