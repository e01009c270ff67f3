import { expect, test } from 'vitest';
import { assertDiagnosticsRecord, assertHasIntervals } from './record-checks.js';
import { testRecord } from '../../../test/diagnostics-chart-record.js';

test('assertDiagnosticsRecord: a record passes; other values are refused with what they hold', () => {
  expect(() => assertDiagnosticsRecord('f', testRecord(1))).not.toThrow();
  expect(() => assertDiagnosticsRecord('f', [])).toThrow(
    /^f: expected record to be a DiagnosticsRecord .*got an array$/,
  );
  expect(() => assertDiagnosticsRecord('f', { ...testRecord(1), layers: [1] })).toThrow(/with keys model, layers/);
});

test('assertHasIntervals: a record of a run shorter than one interval is refused, naming the model', () => {
  expect(() => assertHasIntervals('f', testRecord(2))).not.toThrow();
  expect(() => assertHasIntervals('f', { ...testRecord(1), intervals: [] })).toThrow(
    "f: expected a record with at least one interval of figures, got none (model 'mlp' is measured every 10 steps: " +
      'train for at least that many)',
  );
});
