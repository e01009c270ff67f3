import { ArgumentError } from '../errors/argument-error.js';
import { imbalanceFindings, overfittingFindings } from './curve-findings.js';
import type { DiagnosticsRecord, Finding } from './diagnostics-record.js';
import { checkThresholds, type DiagnoseThresholds } from './diagnose-thresholds.js';
import { deadUnitFindings, explosionFindings, vanishingFindings } from './gradient-findings.js';

export type { DiagnoseThresholds } from './diagnose-thresholds.js';

/**
 * The pitfalls of the seed's table (避坑指南) found in a record of trainingDiagnostics, each with the
 * evidence (layer, epochs, the numbers) and the seed's cure; an empty list for a healthy run. The
 * rules and their thresholds (see {@link DiagnoseThresholds} for the table of defaults):
 * non-finite loss (NaN/Inf steps with no gradient growth before them) -> stable softmax; dead units
 * -> LeakyReLU or ELU; exploding gradients -> gradient clipping; vanishing gradients -> ReLU family,
 * residual connections, normalisation; overfitting -> Dropout + L2; class imbalance -> weighted
 * cross-entropy + focal loss. Findings come in that order.
 *
 * @example
 * for (const f of diagnose(diagnostics.record(), { deadUnitFraction: 0.3 })) console.log(f.message);
 * // dense_1: 62% of units never fired in epochs 3-5 (dead units); the seed's cure: LeakyReLU or ELU
 *
 * In plain words: read the flight recorder and name what went wrong, as the seed's table would.
 */
export function diagnose(record: DiagnosticsRecord, thresholds?: DiagnoseThresholds): Finding[] {
  if (
    record === null ||
    typeof record !== 'object' ||
    !Array.isArray(record.intervals) ||
    !Array.isArray(record.epochs) ||
    !Array.isArray(record.layers)
  )
    throw new ArgumentError('diagnose', 'expected a record from trainingDiagnostics(...).record()');
  const t = checkThresholds(thresholds);
  record = { ...record, intervals: record.intervals.map(nullAsNaN), epochs: record.epochs.map(nullAsNaN) };
  return [
    ...explosionFindings(record, t),
    ...deadUnitFindings(record, t),
    ...vanishingFindings(record, t),
    ...overfittingFindings(record, t),
    ...imbalanceFindings(record, t),
  ];
}

/** A record saved as JSON holds null where a figure was NaN or infinite: NaN again (nested records too). */
function nullAsNaN<T extends object>(figures: T): T {
  const revive = (value: unknown): unknown =>
    value === null
      ? Number.NaN
      : typeof value === 'object' && !Array.isArray(value)
        ? Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, revive(inner)]))
        : value;
  return revive(figures) as T;
}
