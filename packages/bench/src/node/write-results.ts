import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BenchReport } from '../harness/bench-report.js';
import { reportCharts } from '../report/charts.js';
import { markdownReport } from '../report/markdown-report.js';
import { terminalTable } from '../report/terminal-table.js';

/** Writes report.json, report.md, summary.txt and the SVG charts into `folder`; returns the file paths. */
export function writeResults(report: BenchReport, folder: string): string[] {
  mkdirSync(folder, { recursive: true });
  const charts = reportCharts(report);
  const files: Record<string, string> = {
    'report.json': `${JSON.stringify(report, null, 2)}\n`,
    'report.md': markdownReport(report, Object.keys(charts)),
    'summary.txt': `${terminalTable(report, { allRows: true })}\n`,
    ...charts,
  };
  return Object.entries(files).map(([name, content]) => {
    const path = join(folder, name);
    writeFileSync(path, content);
    return path;
  });
}
