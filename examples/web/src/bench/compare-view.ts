// "Compare two reports": two JSON reports (say a laptop's GPU and a CI machine), row by row side by
// side, second / first, with a verdict per row. The reports are checked by the bench's own validator.
import {
  type BenchReport,
  compareReports,
  formatMs,
  formatRatio,
  parseBenchReport,
  type RowChange,
} from '@baihua/bench/browser';
import { element } from '../shared/chrome.js';
import { reportMachineItems } from './machine-view.js';
import { fillTable } from './report-view.js';

/** Reads and validates a report file; the error names the file and what is wrong with it. */
export async function readReportFile(file: File): Promise<BenchReport> {
  let json: unknown;
  try {
    json = JSON.parse(await file.text());
  } catch (error) {
    throw new Error(`${file.name}: expected a JSON report, got text that is not JSON (${(error as Error).message})`);
  }
  return parseBenchReport(json, file.name);
}

/** A row's change in words: faster or slower beyond 10%, same, a status change, or only in one report. */
export function changeVerdict(change: RowChange): string {
  if (change.oldStatus === undefined) return 'only in the second';
  if (change.newStatus === undefined) return 'only in the first';
  if (change.oldStatus !== change.newStatus) return `${change.oldStatus} -> ${change.newStatus}`;
  if (change.ratio === undefined) return '-';
  return change.ratio < 0.9 ? 'faster' : change.ratio > 1.1 ? 'slower' : 'same';
}

/** One named report of the two. */
export interface NamedReport {
  name: string;
  report: BenchReport;
}

/**
 * Fills the comparison: both machines (adapter, threads) under their names, then a table of every
 * row in either report: case, implementation, backend, both medians, second / first and the verdict.
 */
export function showComparison(
  table: HTMLTableElement,
  machines: HTMLUListElement,
  first: NamedReport,
  second: NamedReport,
): RowChange[] {
  const changes = compareReports(first.report, second.report);
  const implementation = new Map(
    [...first.report.rows, ...second.report.rows].map((row) => [row.caseId, row.implementation]),
  );
  machines.replaceChildren(
    ...[first, second].map(({ name, report }, index) =>
      element(
        'li',
        {},
        `${index === 0 ? 'First' : 'Second'}: ${name} (${report.mode} run, ${report.createdAt})`,
        element('ul', {}, ...reportMachineItems(report)),
      ),
    ),
  );
  fillTable(
    table,
    `${first.name} and ${second.name}: warm medians in ms; second / first below 1 means the second is faster`,
    ['case', 'impl', 'backend', 'first ms', 'second ms', 'second / first', 'change'],
    changes.map((change) => [
      change.title,
      implementation.get(change.caseId) ?? '',
      change.backend,
      statusOr(change.oldStatus, change.oldMedianMs),
      statusOr(change.newStatus, change.newMedianMs),
      formatRatio(change.ratio),
      changeVerdict(change),
    ]),
    0,
  );
  return changes;
}

function statusOr(status: RowChange['oldStatus'], median: number | undefined): string {
  if (status === undefined) return '-';
  if (status === 'ok') return formatMs(median);
  return status === 'wrong' ? `${formatMs(median)} WRONG` : status;
}
