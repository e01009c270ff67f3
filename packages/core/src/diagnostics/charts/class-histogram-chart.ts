import { assertKnownOptions } from '../../checks/option-keys.js';
import { assertInRange } from '../../checks/value-checks.js';
import { ArgumentError } from '../../errors/argument-error.js';
import { barChartLayout } from '../../plotting/bar-chart-layout.js';
import type { ChartLayout } from '../../plotting/chart-layout.js';
import { layoutPng } from '../../plotting/line-chart-png.js';
import { layoutSvg } from '../../plotting/line-chart.js';
import type { DiagnosticsRecord } from '../diagnostics-record.js';
import { assertDiagnosticsRecord, assertHasIntervals } from './record-checks.js';

/** Options of {@link classHistogramChart}. */
export interface ClassHistogramChartOptions {
  title?: string;
  xLabel?: string;
  yLabel?: string;
  /** Pixels; defaults 640 x 400. */
  width?: number;
  height?: number;
  /** Which interval (0-based index into record.intervals); default the last. */
  interval?: number;
  /** Names for the classes, one per class; default '0', '1', ... */
  classNames?: string[];
}

function classHistogramLayout(
  functionName: string,
  record: DiagnosticsRecord,
  options: ClassHistogramChartOptions,
): ChartLayout {
  assertDiagnosticsRecord(functionName, record);
  const keys = ['title', 'xLabel', 'yLabel', 'width', 'height', 'interval', 'classNames'];
  assertKnownOptions(functionName, 'options', options, keys);
  assertHasIntervals(functionName, record);
  const { interval: index = record.intervals.length - 1, classNames, ...chart } = options;
  assertInRange(functionName, 'options.interval', index, { min: 0, max: record.intervals.length - 1 });
  if (!Number.isInteger(index))
    throw new ArgumentError(functionName, `expected options.interval to be an integer, got ${index}`);
  const interval = record.intervals[index] as DiagnosticsRecord['intervals'][number];
  const { predictedClasses: predicted, labelClasses: labels } = interval;
  if (!Array.isArray(predicted) || !Array.isArray(labels) || predicted.length !== labels.length) {
    const have = record.intervals.flatMap((i, k) => (i.predictedClasses && i.labelClasses ? [k] : []));
    throw new ArgumentError(
      functionName,
      `expected interval ${index} to have predictedClasses and labelClasses of equal length ` +
        '(recorded for classification outputs only), ' +
        `got ${Array.isArray(predicted) ? predicted.length : 'none'} ` +
        `and ${Array.isArray(labels) ? labels.length : 'none'}` +
        (have.length > 0 ? `; intervals with them: ${have.join(', ')}` : ''),
    );
  }
  if (classNames !== undefined && (!Array.isArray(classNames) || classNames.length !== labels.length))
    throw new ArgumentError(
      functionName,
      `expected options.classNames to be ${labels.length} names (one per class), ` +
        `got ${Array.isArray(classNames) ? classNames.length : typeof classNames}`,
    );
  return barChartLayout(
    functionName,
    classNames ?? labels.map((_, k) => String(k)),
    [
      { name: 'label', values: labels },
      { name: 'predicted', values: predicted },
    ],
    { title: `Predicted vs label classes (step ${interval.step})`, xLabel: 'class', yLabel: 'examples', ...chart },
  );
}

/**
 * The class histogram of one interval (default the last) as an SVG grouped bar chart: per class,
 * how many of the interval's examples carry that label (blue) next to how many the model
 * predicted as it (argmax, orange). A count that is NaN or infinite draws no bar but its word in
 * the bar's colour. Defaults: 640 x 400, title 'Predicted vs label classes (step N)'.
 *
 * @example
 * writeFileSync('classes.svg', classHistogramChart(diagnostics.record(), { classNames: ['cat', 'dog'] }));
 *
 * In plain words: a model that favours the majority class shows one predicted bar much taller than its label bar.
 */
export function classHistogramChart(record: DiagnosticsRecord, options: ClassHistogramChartOptions = {}): string {
  return layoutSvg(classHistogramLayout('classHistogramChart', record, options));
}

/**
 * {@link classHistogramChart} as PNG file bytes (8-bit RGB, core's own encoder): same bars, options and defaults.
 *
 * @example
 * writeFileSync('classes.png', classHistogramChartPng(diagnostics.record()));
 *
 * In plain words: the class counts as a picture file.
 */
export function classHistogramChartPng(
  record: DiagnosticsRecord,
  options: ClassHistogramChartOptions = {},
): Uint8Array {
  return layoutPng(classHistogramLayout('classHistogramChartPng', record, options));
}
