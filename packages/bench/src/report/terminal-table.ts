import type { BenchReport } from '../harness/bench-report.js';
import { environmentLines } from './environment-lines.js';
import { formatMs, textTable } from './format.js';
import { pivotTable } from './pivot-table.js';
import { problemLines, summaryCells, summaryHeader } from './summary-rows.js';

/**
 * The report as plain text: environment, one line per case (warm median per backend, ratios),
 * optionally every row (cold, median, p95, GFLOP/s, check, leaks), and the problems found.
 *
 * @example console.log(terminalTable(report));
 *
 * In plain words: the whole run on one screen.
 */
export function terminalTable(report: BenchReport, options: { allRows?: boolean } = {}): string {
  const problems = problemLines(report.rows);
  return [
    ...environmentLines(report),
    '',
    textTable(...pivotTable(report)),
    ...(options.allRows ? ['', 'All rows:', '', textTable(summaryHeader, report.rows.map(summaryCells))] : []),
    '',
    'Times are warm medians in ms, readback included (await data()); ' +
      '"vs cpu" and "ours/stock" are time ratios: lower is faster.',
    ...(problems.length > 0 ? ['', 'Problems:', ...problems.map((line) => `  - ${line}`)] : []),
    '',
    `Wall time ${formatMs(report.wallMs / 1000)} s (${report.mode} run, ${report.rows.length} rows; ` +
      `checked against ${report.referenceBackend ?? 'cpu'}).`,
  ].join('\n');
}
