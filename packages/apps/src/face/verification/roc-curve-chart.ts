import { ArgumentError, assertKnownOptions, type LineSeries, lineChartPng, lineChartSvg } from '@baihua/core';
import type { VerificationResult } from './verification-report.js';

/** Options of {@link rocCurveSvg} and {@link rocCurvePng}. */
export interface RocCurveChartOptions {
  /** Default 'ROC curve'. */
  title?: string;
  /** Pixels; defaults 640 x 400 (core's line chart). */
  width?: number;
  height?: number;
  /**
   * Plot log10(FAR) on x (core's charts have no log x axis; the axis label says so): points with
   * FAR = 0 are left out and the chance line TAR = FAR becomes a curve. Default false (linear FAR).
   */
  logFar?: boolean;
}

const chanceColor = '#999999';

function rocSeries(fn: string, curves: Record<string, VerificationResult>, logFar: boolean): LineSeries[] {
  if (curves === null || typeof curves !== 'object' || Object.keys(curves).length === 0)
    throw new ArgumentError(fn, 'expected curves to be an object of named verification reports, got none');
  const series: { name: string; points: [number, number][] }[] = [];
  let smallest = 1;
  for (const [name, report] of Object.entries(curves)) {
    const roc = report?.roc;
    if (!Array.isArray(roc?.far) || !Array.isArray(roc?.tar) || roc.far.length !== roc.tar.length)
      throw new ArgumentError(fn, `expected curves['${name}'] to be a verificationReport result with roc { far, tar }`);
    if (typeof report.auc !== 'number')
      throw new ArgumentError(fn, `expected curves['${name}'].auc to be a number, got ${typeof report.auc}`);
    const keep = roc.far.map((_, i) => i).filter((i) => !logFar || (roc.far[i] as number) > 0);
    for (const i of keep) if ((roc.far[i] as number) > 0) smallest = Math.min(smallest, roc.far[i] as number);
    const points = keep.map((i): [number, number] => [
      logFar ? Math.log10(roc.far[i] as number) : (roc.far[i] as number),
      roc.tar[i] as number,
    ]);
    series.push({ name: `${name} (AUC ${report.auc.toFixed(4)})`, points });
  }
  const low = Math.log10(smallest);
  const thinned = series.map(({ name, points }) => {
    const kept = thin(points, logFar ? -low || 1 : 1);
    return { name, x: kept.map(([x]) => x), values: kept.map(([, y]) => y) };
  });
  // Chance: TAR = FAR, a straight line, or sampled along the log axis.
  const xs = logFar ? Array.from({ length: 41 }, (_, k) => low - (low * k) / 40) : [0, 1];
  return [...thinned, { name: 'chance', x: xs, values: xs.map((x) => (logFar ? 10 ** x : x)), color: chanceColor }];
}

/**
 * Drops ROC points closer than 1/4000 of the axes' spans to the last kept one (the last point always
 * stays): at most a quarter pixel at 1000 px, so 100k-pair curves stay small files and look the same.
 */
function thin(points: [number, number][], xSpan: number): [number, number][] {
  const kept: [number, number][] = [];
  points.forEach((point, i) => {
    const last = kept[kept.length - 1];
    const moved =
      last === undefined || Math.abs(point[0] - last[0]) > xSpan / 4000 || Math.abs(point[1] - last[1]) > 1 / 4000;
    if (moved || i === points.length - 1) kept.push(point);
  });
  return kept;
}

function chartInput(fn: string, curves: Record<string, VerificationResult>, options: RocCurveChartOptions) {
  assertKnownOptions(fn, 'options', options, ['title', 'width', 'height', 'logFar']);
  const { title = 'ROC curve', width, height, logFar = false } = options;
  if (typeof logFar !== 'boolean')
    throw new ArgumentError(fn, `expected options.logFar to be a boolean, got ${typeof logFar}`);
  const series = rocSeries(fn, curves, logFar);
  const xLabel = logFar ? 'log10 false accept rate (FAR)' : 'false accept rate (FAR)';
  const sizes = { ...(width === undefined ? {} : { width }), ...(height === undefined ? {} : { height }) };
  return { series, chart: { title, xLabel, yLabel: 'true accept rate (TAR)', ...sizes } };
}

/** Core's chart errors (a width too small for the axes) reported under this function's name. */
function asOwnError<T>(fn: string, core: string, draw: () => T): T {
  try {
    return draw();
  } catch (error) {
    if (ArgumentError.isInstance(error) && error.functionName === core)
      throw new ArgumentError(fn, error.message.slice(core.length + 2));
    throw error;
  }
}

/**
 * ROC curves as an SVG document (@baihua/core's line chart): FAR on x, TAR on y, one line per named
 * report (legend: name and AUC) and the chance diagonal TAR = FAR in grey. `logFar: true` plots
 * log10(FAR) instead, to show the low-FAR end where TAR at FAR = 1e-3 is read.
 *
 * @example
 * writeFileSync('roc.svg', rocCurveSvg({ 'batch-hard': hardReport, random: randomReport }));
 *
 * In plain words: the picture of how many true matches each level of false matches buys.
 */
export function rocCurveSvg(curves: Record<string, VerificationResult>, options: RocCurveChartOptions = {}): string {
  const { series, chart } = chartInput('rocCurveSvg', curves, options);
  return asOwnError('rocCurveSvg', 'lineChartSvg', () => lineChartSvg(series, chart));
}

/**
 * {@link rocCurveSvg} as PNG bytes (@baihua/core's rasteriser, no dependencies).
 *
 * @example
 * writeFileSync('roc.png', rocCurvePng({ 'semi-hard': report }, { logFar: true }));
 *
 * In plain words: the same ROC picture, as an image file.
 */
export function rocCurvePng(
  curves: Record<string, VerificationResult>,
  options: RocCurveChartOptions = {},
): Uint8Array {
  const { series, chart } = chartInput('rocCurvePng', curves, options);
  return asOwnError('rocCurvePng', 'lineChartPng', () => lineChartPng(series, chart));
}
