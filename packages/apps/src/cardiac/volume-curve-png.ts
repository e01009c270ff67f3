import { ArgumentError, lineChartPng } from '@baihua/core';

/**
 * A line chart (PNG, core's plotting) of the cavity volume over the heart cycle: the true volume per
 * phase and, when given, the predicted one, in mL against the phase (0 = end-diastole). 640 x 400.
 *
 * @example
 * writeFileSync('volume-curve.png', volumeCurvePng(c.volumes, predictedVolumes, 'case 1000'));
 *
 * In plain words: the ventricle emptying and refilling, as the truth and as the network measured it.
 */
export function volumeCurvePng(
  truth: readonly number[],
  predicted?: readonly number[],
  title = 'LV cavity volume',
): Uint8Array {
  const fn = 'volumeCurvePng';
  if (!Array.isArray(truth) || truth.length < 2)
    throw new ArgumentError(fn, `expected truth to hold the volumes of at least 2 phases, got ${describe(truth)}`);
  if (predicted !== undefined && (!Array.isArray(predicted) || predicted.length !== truth.length))
    throw new ArgumentError(
      fn,
      `expected predicted to hold one volume per phase (${truth.length}), got ${describe(predicted)}`,
    );
  const x = truth.map((_, k) => k);
  const series = [{ name: 'true volume (mL)', values: [...truth], x, color: '#2ca02c' }];
  if (predicted) series.push({ name: 'predicted volume (mL)', values: [...predicted], x, color: '#d62728' });
  return lineChartPng(series, { title, xLabel: 'phase (0 = end-diastole)', yLabel: 'volume (mL)' });
}

function describe(values: unknown): string {
  return Array.isArray(values) ? `${values.length}` : typeof values;
}
