import { assertKnownOptions } from '../../checks/option-keys.js';
import { assertPositiveInteger } from '../../checks/value-checks.js';
import { ArgumentError } from '../../errors/argument-error.js';
import { labelXAxis } from '../../plotting/category-x-axis.js';
import { chartLayout, type ChartLayout } from '../../plotting/chart-layout.js';
import { layoutPng } from '../../plotting/line-chart-png.js';
import { layoutSvg } from '../../plotting/line-chart.js';
import { markUndrawable } from '../../plotting/undrawable-markers.js';
import type { DiagnosticsRecord } from '../diagnostics-record.js';
import { evenlyChosen, intervalColour } from './interval-colours.js';
import { assertDiagnosticsRecord, assertHasIntervals } from './record-checks.js';

/** Options of {@link gradientFlowChart}: a line chart's (no logY: always log) and how many intervals to draw. */
export interface GradientFlowChartOptions {
  title?: string;
  xLabel?: string;
  yLabel?: string;
  /** Pixels; defaults 640 x 400. */
  width?: number;
  height?: number;
  /** Most lines drawn; with more intervals, this many evenly chosen (first and last included). Default 8. */
  maxLines?: number;
}

function gradientFlowLayout(
  functionName: string,
  record: DiagnosticsRecord,
  options: GradientFlowChartOptions,
): ChartLayout {
  assertDiagnosticsRecord(functionName, record);
  assertKnownOptions(functionName, 'options', options, ['title', 'xLabel', 'yLabel', 'width', 'height', 'maxLines']);
  const { maxLines = 8, ...chart } = options;
  assertPositiveInteger(functionName, 'options.maxLines', maxLines);
  assertHasIntervals(functionName, record);
  if (record.layers.length === 0)
    throw new ArgumentError(
      functionName,
      `expected a record with at least one watched layer, got none (model '${record.model}')`,
    );
  const chosen = evenlyChosen(record.intervals.length, maxLines);
  const series = chosen.map((index, k) => {
    const interval = record.intervals[index] as DiagnosticsRecord['intervals'][number];
    return {
      name: `step ${interval.step}`,
      values: record.layers.map((layer) => interval.layerGradientNorms?.[layer] ?? Number.NaN),
      color: intervalColour(k, chosen.length),
    };
  });
  if (!series.some((s) => s.values.some((v) => Number.isFinite(v) && v > 0))) {
    const count = series.length * record.layers.length;
    throw new ArgumentError(
      functionName,
      'expected at least one finite gradient norm > 0 to plot on a log scale, ' +
        `got none of ${count} (all NaN, infinite, 0 or missing)`,
    );
  }
  const layout = chartLayout(
    functionName,
    series,
    { title: 'Gradient flow', xLabel: 'layer (input side first)', yLabel: 'gradient norm', ...chart, logY: true },
    // Half a step of room beside the first and last layer for their names; the legend top-left and
    // any note bottom-right, where vanishing gradients (small on the input side) leave room.
    { xRange: [0.5, record.layers.length + 0.5], legendCorner: 'top-left' },
  );
  return markUndrawable(labelXAxis(layout, record.layers), series, true, 'bottom-right');
}

/**
 * Gradient flow as an SVG line chart: x = the record's layers by depth (input side first, labelled
 * by name), y = each layer's raw gradient norm (mean over the interval's steps) on a log scale, one
 * line per interval coloured from light green (early) to dark purple (late); with more than
 * `maxLines` (default 8) intervals, that many evenly chosen. A norm that is NaN, infinite, 0 or
 * missing leaves a square on the top (NaN, infinite, missing) or bottom (0) edge and a note.
 * Defaults: 640 x 400, title 'Gradient flow'.
 *
 * @example
 * writeFileSync('gradient-flow.svg', gradientFlowChart(diagnostics.record(), { maxLines: 5 }));
 *
 * In plain words: a line falling toward the input side means the gradient vanishes on its way back; lines
 * rising from one interval to the next mean it explodes.
 */
export function gradientFlowChart(record: DiagnosticsRecord, options: GradientFlowChartOptions = {}): string {
  return layoutSvg(gradientFlowLayout('gradientFlowChart', record, options));
}

/**
 * {@link gradientFlowChart} as PNG file bytes (8-bit RGB, core's own encoder): same lines, options and defaults.
 *
 * @example
 * writeFileSync('gradient-flow.png', gradientFlowChartPng(diagnostics.record()));
 *
 * In plain words: the gradient flow as a picture file.
 */
export function gradientFlowChartPng(record: DiagnosticsRecord, options: GradientFlowChartOptions = {}): Uint8Array {
  return layoutPng(gradientFlowLayout('gradientFlowChartPng', record, options));
}
