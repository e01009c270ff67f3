import type { DiagnosticsRecord, Finding, IntervalFigures } from './diagnostics-record.js';
import type { DiagnoseThresholds } from './diagnose-thresholds.js';
import { epochSpan, finding, formatFigure } from './finding.js';

type Thresholds = Required<DiagnoseThresholds>;

const span = (intervals: readonly IntervalFigures[]): [number, number] => [
  intervals[0]?.epoch ?? 0,
  intervals.at(-1)?.epoch ?? 0,
];
const percent = (fraction: number) => `${Math.round(fraction * 100)}%`;

/** Dead units: a ReLU layer whose never-fired fraction is >= deadUnitFraction in each recent interval. */
export function deadUnitFindings(record: DiagnosticsRecord, t: Thresholds): Finding[] {
  const recent = record.intervals.slice(-t.recentIntervals);
  const layers = Object.keys(recent[0]?.deadUnitFractions ?? {});
  return layers.flatMap((layer) => {
    const fractions = recent.map((i) => i.deadUnitFractions[layer] ?? 0);
    const least = Math.min(...fractions);
    if (!(least >= t.deadUnitFraction)) return [];
    const epochs = span(recent);
    return [finding('dead-units', epochs, `${percent(least)} of units never fired in ${epochSpan(epochs)}`, layer)];
  });
}

/**
 * Vanishing gradients: the first watched layer's gradient norm below vanishingRatio x the last's in
 * each recent interval (the gradient fades on its way back to the input).
 */
export function vanishingFindings(record: DiagnosticsRecord, t: Thresholds): Finding[] {
  const [first, last] = [record.layers[0], record.layers.at(-1)];
  const recent = record.intervals.slice(-t.recentIntervals);
  if (first === undefined || last === undefined || first === last || recent.length === 0) return [];
  const ratios = recent.map((i) => (i.layerGradientNorms[first] ?? 0) / (i.layerGradientNorms[last] ?? 0));
  if (!ratios.every((r) => r < t.vanishingRatio)) return [];
  const epochs = span(recent);
  const worst = Math.max(...ratios);
  const evidence =
    `gradient norm at most ${formatFigure(worst)} x the last layer's (${last}) in ${epochSpan(epochs)} ` +
    `(threshold ${formatFigure(t.vanishingRatio)})`;
  return [finding('vanishing-gradients', epochs, evidence, first)];
}

/**
 * Exploding gradients: a step's global gradient norm above explodingNorm, or the mean norm grown by
 * explodingGrowth from the first interval, or non-finite steps after the norm had grown 10x.
 * Non-finite loss: NaN or infinite steps (or epoch losses) with no such growth before them.
 */
export function explosionFindings(record: DiagnosticsRecord, t: Thresholds): Finding[] {
  const intervals = record.intervals;
  const base = intervals.find((i) => Number.isFinite(i.gradientNorm) && i.gradientNorm > 0)?.gradientNorm;
  const firstBad = intervals.findIndex((i) => i.nonFiniteSteps > 0);
  const grownBy = (i: IntervalFigures) => (base === undefined ? 0 : i.maxGradientNorm / base);
  const huge = intervals.find((i) => i.maxGradientNorm > t.explodingNorm || grownBy(i) >= t.explodingGrowth);
  const beforeBad = firstBad < 0 ? [] : intervals.slice(0, firstBad + 1);
  const grewBeforeBad = beforeBad.some((i) => grownBy(i) >= 10);
  if (huge || (firstBad >= 0 && grewBeforeBad)) {
    const at = huge ?? (intervals[firstBad] as IntervalFigures);
    const finite = intervals.filter((i) => Number.isFinite(i.maxGradientNorm));
    const peak = finite.reduce((a, b) => (b.maxGradientNorm > a.maxGradientNorm ? b : a), at);
    const from = base === undefined ? '' : `from ${formatFigure(base)} (first interval) `;
    const count = intervals[firstBad]?.nonFiniteSteps ?? 0;
    const bad = firstBad >= 0 ? `, then ${count} non-finite step${count === 1 ? '' : 's'}` : '';
    const to = `${formatFigure(peak.maxGradientNorm)} (step ${peak.step})`;
    const evidence = `global gradient norm grew ${from}to ${to}${bad}`;
    return [finding('exploding-gradients', [at.epoch, intervals.at(-1)?.epoch ?? at.epoch], evidence)];
  }
  const badEpochs = record.epochs.filter((e) => e.loss === null || !Number.isFinite(e.loss));
  if (firstBad < 0 && badEpochs.length === 0) return [];
  const where = firstBad >= 0 ? (intervals[firstBad] as IntervalFigures) : undefined;
  const epoch = where?.epoch ?? (badEpochs[0]?.epoch as number);
  const steps = intervals.reduce((n, i) => n + i.nonFiniteSteps, 0);
  const evidence =
    where === undefined
      ? `loss NaN or infinite in ${epochSpan([epoch, epoch])} with no gradient growth before it`
      : `${steps} steps with a NaN or infinite loss or gradient from step ${where.step} ` +
        `(${epochSpan([epoch, epoch])}) with no gradient growth before them`;
  return [finding('non-finite-loss', [epoch, record.intervals.at(-1)?.epoch ?? epoch], evidence)];
}
