import { assertKnownOptions } from '../../checks/option-keys.js';
import { ArgumentError } from '../../errors/argument-error.js';
import { chartPalette } from '../../plotting/chart-input.js';
import { chartLayout, type ChartLayout } from '../../plotting/chart-layout.js';
import { layoutPng } from '../../plotting/line-chart-png.js';
import { layoutSvg } from '../../plotting/line-chart.js';
import { markUndrawable } from '../../plotting/undrawable-markers.js';
import type { DiagnosticsRecord } from '../diagnostics-record.js';
import { assertDiagnosticsRecord, assertHasIntervals } from './record-checks.js';

/** Options of {@link deadUnitChart}: a line chart's, without logY. Defaults 640 x 400. */
export interface DeadUnitChartOptions {
  title?: string;
  xLabel?: string;
  yLabel?: string;
  width?: number;
  height?: number;
}

function deadUnitLayout(functionName: string, record: DiagnosticsRecord, options: DeadUnitChartOptions): ChartLayout {
  assertDiagnosticsRecord(functionName, record);
  assertKnownOptions(functionName, 'options', options, ['title', 'xLabel', 'yLabel', 'width', 'height']);
  assertHasIntervals(functionName, record);
  const measured = record.layers.filter((layer) =>
    record.intervals.some((interval) => interval.deadUnitFractions?.[layer] !== undefined),
  );
  if (measured.length === 0)
    throw new ArgumentError(
      functionName,
      'expected dead-unit fractions of at least one layer, got none (only ReLU-family layers are measured; ' +
        `the record's layers: ${record.layers.join(', ') || '(none)'})`,
    );
  const x = record.intervals.map((interval) => interval.step);
  const series = measured.map((layer, k) => ({
    name: layer,
    values: record.intervals.map((interval) => 100 * (interval.deadUnitFractions?.[layer] ?? Number.NaN)),
    x,
    color: chartPalette[k % chartPalette.length] as string,
  }));
  const layout = chartLayout(
    functionName,
    series,
    { title: 'Dead units', xLabel: 'step', yLabel: 'units that never fired (%)', ...options },
    { yRange: [0, 100] },
  );
  return markUndrawable(layout, series, false);
}

/**
 * Dead units as an SVG line chart: per ReLU-family layer, the percentage of its units that were
 * never > 0 on any example of the interval, over the intervals (x = the interval's last step,
 * y fixed 0-100%). Lines rather than end-of-training bars: dying is an event in time (a bad step
 * kills units that never come back), and a line shows when it happened and that it stayed, where
 * one final bar cannot tell a layer that died at step 50 from one that was born dead. A fraction
 * that is NaN or missing leaves a square on the top edge and a note. Defaults: 640 x 400, title 'Dead units'.
 *
 * @example
 * writeFileSync('dead-units.svg', deadUnitChart(diagnostics.record()));
 *
 * In plain words: how much of each layer has gone silent, and since when.
 */
export function deadUnitChart(record: DiagnosticsRecord, options: DeadUnitChartOptions = {}): string {
  return layoutSvg(deadUnitLayout('deadUnitChart', record, options));
}

/**
 * {@link deadUnitChart} as PNG file bytes (8-bit RGB, core's own encoder): same lines, options and defaults.
 *
 * @example
 * writeFileSync('dead-units.png', deadUnitChartPng(diagnostics.record()));
 *
 * In plain words: the dead-unit curves as a picture file.
 */
export function deadUnitChartPng(record: DiagnosticsRecord, options: DeadUnitChartOptions = {}): Uint8Array {
  return layoutPng(deadUnitLayout('deadUnitChartPng', record, options));
}
