// Draws a bench report into the page: the one-line-per-case table of `pnpm bench` (warm medians per
// backend, vs cpu, ours/stock), the problems it found, and its SVG charts.
import { type BenchReport, pivotTable, problemLines, reportCharts } from '@baihua/bench/browser';
import { element } from '../shared/chrome.js';

/**
 * Replaces `table`'s content with a caption, a header row and body rows (column `rowHeaderColumn`,
 * the case's name, as each row's header); a cell reading WRONG, error or skipped gets that word as a
 * class (so it stands out), and every cell is plain text.
 */
export function fillTable(
  table: HTMLTableElement,
  caption: string,
  header: string[],
  rows: string[][],
  rowHeaderColumn = 1,
): void {
  const flag = (cell: string) =>
    /WRONG/.test(cell) ? 'wrong' : cell === 'error' ? 'error' : cell === 'skipped' ? 'skipped' : '';
  table.replaceChildren(
    element('caption', {}, caption),
    element('thead', {}, element('tr', {}, ...header.map((title) => element('th', { scope: 'col' }, title)))),
    element(
      'tbody',
      {},
      ...rows.map((cells) =>
        element(
          'tr',
          {},
          ...cells.map((cell, column) =>
            column === rowHeaderColumn
              ? element('th', { scope: 'row' }, cell)
              : element('td', flag(cell) ? { class: flag(cell) } : {}, cell),
          ),
        ),
      ),
    ),
  );
}

/** The summary table of `report`, one line per case, as `pnpm bench` prints it. */
export function showSummary(table: HTMLTableElement, report: BenchReport): void {
  const [header, rows] = pivotTable(report);
  const caption = `${report.mode} run, ${report.rows.length} rows in ${(report.wallMs / 1000).toFixed(1)} s`;
  fillTable(table, caption, header, rows);
}

/** The rows that did not run cleanly (wrong, error, leaks, skips), or one line saying there were none. */
export function showProblems(list: HTMLUListElement, report: BenchReport): void {
  const lines = problemLines(report.rows);
  list.replaceChildren(
    ...(lines.length > 0 ? lines : ['None: every row ran, and every result matched the cpu backend.']).map((line) =>
      element('li', {}, line),
    ),
  );
}

const chartTitles: Record<string, string> = {
  'throughput.svg': 'Runs per second of every case on every backend (log scale, longer is faster)',
  'ours-vs-stock.svg': 'baihua vs stock tfjs on the same backend: stock time / our time (right of 1 is faster)',
  'matmul-gflops.svg': 'matMul GFLOP/s per backend',
};

/** The report's three charts (the SVG files `pnpm bench` writes), as images with a text alternative. */
export function showCharts(holder: HTMLElement, report: BenchReport): void {
  const charts = reportCharts(report);
  holder.replaceChildren(
    ...Object.entries(charts).map(([name, svg]) => {
      const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
      const title = chartTitles[name] ?? name;
      return element('figure', {}, element('img', { src: url, alt: title }), element('figcaption', {}, title));
    }),
  );
}
