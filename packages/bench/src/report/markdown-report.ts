import type { BenchReport } from '../harness/bench-report.js';
import { environmentLines } from './environment-lines.js';
import { formatMs } from './format.js';
import { pivotTable } from './pivot-table.js';
import { problemLines, summaryCells, summaryHeader } from './summary-rows.js';

/** Renders rows of cells as a Markdown table. */
export function markdownTable(header: string[], rows: string[][]): string {
  const escapeCell = (cell: string) => cell.replace(/\|/g, '\\|');
  return [
    `| ${header.join(' | ')} |`,
    `|${header.map(() => '---').join('|')}|`,
    ...rows.map((row) => `| ${row.map(escapeCell).join(' | ')} |`),
  ].join('\n');
}

/**
 * The report as Markdown: environment, timing settings, a one-line-per-case summary, every row,
 * problems, and the charts (linked as the SVG files written beside it).
 *
 * @example writeFileSync('report.md', markdownReport(report));
 *
 * In plain words: the run written up for a person.
 */
export function markdownReport(report: BenchReport, chartFiles: string[] = []): string {
  const problems = problemLines(report.rows);
  const timing = report.timing;
  return [
    `# baihua bench: ${report.mode} run, ${report.createdAt}`,
    '',
    ...environmentLines(report).map((line) => `- ${line}`),
    `- Timing: cold first run, then ${timing.warmupIterations} warm-up run(s), then at least ${timing.iterations} ` +
      `timed runs and ${timing.timeMs} ms (tinybench); warm-up and timing of a row stop after ` +
      `${timing.caseBudgetMs} ms (at least one timed run).`,
    `- Wall time: ${formatMs(report.wallMs / 1000)} s for ${report.rows.length} rows; ` +
      `results checked against ${report.referenceBackend ?? 'cpu'}.`,
    '',
    'Times include readback (`await data()`). "vs cpu" and "ours/stock" are time ratios: lower is faster. ' +
      `"check" compares every result with the ${report.referenceBackend ?? 'cpu'} backend's.`,
    '',
    '## Summary (warm median per backend)',
    '',
    markdownTable(...pivotTable(report)),
    '',
    '## All rows',
    '',
    markdownTable(summaryHeader, report.rows.map(summaryCells)),
    '',
    ...(problems.length > 0 ? ['## Problems found', '', ...problems.map((line) => `- ${line}`), ''] : []),
    ...(chartFiles.length > 0 ? ['## Charts', '', ...chartFiles.map((file) => `![${file}](./${file})`), ''] : []),
  ].join('\n');
}
