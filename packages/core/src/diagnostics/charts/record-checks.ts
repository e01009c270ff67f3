import { ArgumentError } from '../../errors/argument-error.js';
import type { DiagnosticsRecord } from '../diagnostics-record.js';

function describe(value: unknown): string {
  return value === null ? 'null' : Array.isArray(value) ? 'an array' : typeof value;
}

/**
 * Throws an ArgumentError naming `functionName` unless `record` has a DiagnosticsRecord's shape: an
 * object with a model name, `layers` (strings), `every`, and the arrays `intervals`, `epochs` and
 * `snapshots`. The figures inside are checked by each chart where it reads them.
 *
 * @example
 * assertDiagnosticsRecord('gradientFlowChart', diagnostics.record());
 *
 * In plain words: make sure we were given a diagnostics record before drawing from it.
 */
export function assertDiagnosticsRecord(functionName: string, record: unknown): asserts record is DiagnosticsRecord {
  const r = record as Partial<DiagnosticsRecord> | null;
  const wellFormed =
    typeof r === 'object' &&
    r !== null &&
    typeof r.model === 'string' &&
    Array.isArray(r.layers) &&
    r.layers.every((l) => typeof l === 'string') &&
    Array.isArray(r.intervals) &&
    Array.isArray(r.epochs) &&
    Array.isArray(r.snapshots);
  if (!wellFormed)
    throw new ArgumentError(
      functionName,
      'expected record to be a DiagnosticsRecord (what diagnostics.record() returns: ' +
        `{ model, layers, every, intervals, epochs, snapshots }), got ${describe(record)}` +
        (typeof r === 'object' && r !== null && !Array.isArray(r)
          ? ` with keys ${Object.keys(r).join(', ') || '(none)'}`
          : ''),
    );
}

/**
 * Throws unless the record holds at least one interval of figures (a run shorter than `every`
 * steps has none), naming the model and the interval length.
 *
 * @example
 * assertHasIntervals('gradientNormChart', record);
 *
 * In plain words: there must be something measured to draw.
 */
export function assertHasIntervals(functionName: string, record: DiagnosticsRecord): void {
  if (record.intervals.length === 0)
    throw new ArgumentError(
      functionName,
      `expected a record with at least one interval of figures, got none (model '${record.model}' ` +
        `is measured every ${record.every} steps: train for at least that many)`,
    );
}
