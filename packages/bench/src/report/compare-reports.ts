import type { BenchReport, BenchRow } from '../harness/bench-report.js';
import { formatMs, formatRatio, textTable } from './format.js';

/** One row's change between two runs. */
export interface RowChange {
  caseId: string;
  title: string;
  backend: string;
  oldMedianMs?: number;
  newMedianMs?: number;
  /** new median / old median: below 1 is faster now. */
  ratio?: number;
  oldStatus?: BenchRow['status'];
  newStatus?: BenchRow['status'];
}

/**
 * Matches rows of two reports by case id and backend and gives each one's change in warm median
 * (new / old) and status. Rows present in only one report are listed with the other side empty.
 *
 * @example compareReports(oldReport, newReport).filter((change) => (change.ratio ?? 1) > 1.1)
 *
 * In plain words: what got faster, what got slower, what broke.
 */
export function compareReports(oldReport: BenchReport, newReport: BenchReport): RowChange[] {
  const key = (row: BenchRow) => `${row.caseId}\u0000${row.backend}`;
  const oldRows = new Map(oldReport.rows.map((row) => [key(row), row]));
  const changes: RowChange[] = [];
  const seen = new Set<string>();
  for (const row of newReport.rows) {
    seen.add(key(row));
    changes.push(change(oldRows.get(key(row)), row));
  }
  for (const row of oldReport.rows) if (!seen.has(key(row))) changes.push(change(row, undefined));
  return changes;
}

function change(oldRow: BenchRow | undefined, newRow: BenchRow | undefined): RowChange {
  const row = (newRow ?? oldRow) as BenchRow;
  const oldMedianMs = oldRow?.warm?.median;
  const newMedianMs = newRow?.warm?.median;
  return {
    caseId: row.caseId,
    title: row.title,
    backend: row.backend,
    ...(oldMedianMs !== undefined ? { oldMedianMs } : {}),
    ...(newMedianMs !== undefined ? { newMedianMs } : {}),
    ...(oldMedianMs !== undefined && newMedianMs !== undefined && oldMedianMs > 0
      ? { ratio: newMedianMs / oldMedianMs }
      : {}),
    ...(oldRow ? { oldStatus: oldRow.status } : {}),
    ...(newRow ? { newStatus: newRow.status } : {}),
  };
}

/** The changes as a text table, with a verdict per row (faster / slower beyond 10%, same, new, gone). */
export function comparisonTable(changes: RowChange[]): string {
  const verdict = (item: RowChange) => {
    if (item.oldStatus === undefined) return 'new';
    if (item.newStatus === undefined) return 'gone';
    if (item.oldStatus !== item.newStatus) return `${item.oldStatus} -> ${item.newStatus}`;
    if (item.ratio === undefined) return '-';
    return item.ratio < 0.9 ? 'faster' : item.ratio > 1.1 ? 'slower' : 'same';
  };
  return textTable(
    ['case', 'backend', 'old median ms', 'new median ms', 'new/old', 'change'],
    changes.map((item) => [
      item.title,
      item.backend,
      formatMs(item.oldMedianMs),
      formatMs(item.newMedianMs),
      formatRatio(item.ratio),
      verdict(item),
    ]),
  );
}
