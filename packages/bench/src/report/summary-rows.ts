import type { BenchRow } from '../harness/bench-report.js';
import { formatMs, formatNumber, formatRatio } from './format.js';
import { formatMetric } from './pivot-table.js';

/** Column titles of the summary table (terminal and Markdown). */
export const summaryHeader = [
  'suite',
  'case',
  'impl',
  'backend',
  'status',
  'cold ms',
  'median ms',
  'p95 ms',
  'GFLOP/s',
  'vs cpu',
  'ours/stock',
  'check',
  'leak/run',
  'metrics',
];

/** One row of the summary table: times include readback; ratios are time ratios (lower is faster). */
export function summaryCells(row: BenchRow): string[] {
  const check =
    row.status === 'error' || row.status === 'skipped'
      ? '-'
      : row.backend === 'cpu'
        ? 'ref'
        : row.correctness
          ? row.correctness.ok
            ? 'ok'
            : 'WRONG'
          : '-';
  const status = row.status === 'ok' ? 'ok' : row.status === 'wrong' ? 'WRONG' : row.status;
  const metrics = row.metrics
    ? Object.entries(row.metrics)
        .map(([name, value]) => `${name} ${formatMetric(value)}`)
        .join(', ')
    : '';
  return [
    row.suite,
    row.title,
    row.implementation,
    row.backend,
    status,
    formatMs(row.coldMs),
    formatMs(row.warm?.median),
    formatMs(row.warm?.p95),
    row.gflops !== undefined ? formatNumber(row.gflops) : '-',
    formatRatio(row.vsCpu),
    formatRatio(row.vsStock),
    check,
    row.memory && row.warm ? formatNumber(row.memory.tensorsLeakedPerRun) : '-',
    metrics,
  ];
}

/**
 * Rows that did not run cleanly, for a footnote list: wrong or failed rows with their message
 * (rows failing with the same message on several backends or cases share one line), leaks,
 * and skips once per backend and reason.
 */
export function problemLines(rows: BenchRow[]): string[] {
  const grouped = new Map<string, BenchRow[]>();
  const lines: string[] = [];
  for (const row of rows) {
    const leaks = (row.memory?.tensorsLeakedPerRun ?? 0) > 0;
    if (leaks)
      lines.push(
        `${row.title} [${row.backend}, ${row.implementation}] ` +
          `leaks ${formatNumber(row.memory?.tensorsLeakedPerRun)} tensors per run.`,
      );
    if (row.status === 'ok') continue;
    const key =
      row.status === 'skipped'
        ? `skipped\u0000${row.backend}\u0000${row.message ?? ''}`
        : `${row.status}\u0000${row.message ?? ''}`;
    grouped.set(key, [...(grouped.get(key) ?? []), row]);
  }
  for (const group of grouped.values()) {
    const first = group[0] as BenchRow;
    const message = first.message ?? 'no reason given';
    if (first.status === 'skipped') {
      lines.push(`${group.length} row${group.length === 1 ? '' : 's'} skipped on ${first.backend}: ${message}`);
    } else if (group.length === 1) {
      lines.push(`${first.title} [${first.backend}, ${first.implementation}]: ${first.status} (${message}).`);
    } else {
      const where = [...new Set(group.map((row) => `${row.title} [${row.implementation}]`))].map((title) => {
        const backends = group
          .filter((row) => `${row.title} [${row.implementation}]` === title)
          .map((row) => row.backend);
        return `${title} on ${backends.join(', ')}`;
      });
      lines.push(`${group.length} rows ${first.status} (${message}): ${where.join('; ')}.`);
    }
  }
  return lines;
}
