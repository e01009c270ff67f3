import '@baihua/core/testing';
import { describe, expect, test } from 'vitest';
import { benchReportSchemaId, type BenchReport, type BenchRow } from '../harness/bench-report.js';
import { addRatios } from '../harness/ratios.js';
import { markdownReport } from './markdown-report.js';
import { pivotTable } from './pivot-table.js';
import { problemLines } from './summary-rows.js';

function row(
  implementation: 'ours' | 'stock',
  backend: string,
  median: number | undefined,
  status: BenchRow['status'] = 'ok',
  message?: string,
): BenchRow {
  return {
    caseId: `ops/x/${implementation}`,
    suite: 'ops',
    title: 'x',
    implementation,
    compareKey: 'x',
    backend,
    params: {},
    status,
    ...(message ? { message } : {}),
    ...(median !== undefined
      ? { warm: { count: 3, mean: median, median, p95: median, min: median, max: median } }
      : {}),
  };
}

const report: BenchReport = {
  schema: benchReportSchemaId,
  createdAt: 'now',
  mode: 'quick',
  suites: ['ops'],
  backends: ['cpu', 'wasm', 'webgpu'],
  timing: { timeMs: 300, iterations: 3, warmupIterations: 1, caseBudgetMs: 1000 },
  wallMs: 1000,
  environment: { backends: { runtime: 'Node.js 20', activeBackend: null, backends: [] } },
  rows: addRatios([
    row('stock', 'cpu', 10),
    row('stock', 'wasm', 2, 'wrong', 'results differ from cpu'),
    row('stock', 'webgpu', undefined, 'skipped', 'no WebGPU adapter was found'),
    row('ours', 'cpu', 5),
    row('ours', 'wasm', 1),
    row('ours', 'webgpu', undefined, 'error', 'boom'),
  ]),
};

describe('summary table', () => {
  const pivotTitle =
    'one line per case: medians or what went wrong, ratios to cpu, ours/stock only against a correct stock row';
  test(pivotTitle, () => {
    const [header, lines] = pivotTable(report);
    expect(header).toEqual([
      'suite',
      'case',
      'impl',
      'cpu ms',
      'wasm ms',
      'webgpu ms',
      'wasm vs cpu',
      'webgpu vs cpu',
      'ours/stock',
    ]);
    expect(lines).toEqual([
      ['ops', 'x', 'stock', '10.0', '2.00 WRONG', 'skipped', '0.20x', '-', ''],
      ['ops', 'x', 'ours', '5.00', '1.00', 'error', '0.20x', '-', 'cpu 0.50x'],
    ]);
  });

  const problemsTitle =
    'problems list wrong and failed rows (one line per shared message), and skips once per backend and reason';
  test(problemsTitle, () => {
    expect(problemLines(report.rows)).toEqual([
      'x [wasm, stock]: wrong (results differ from cpu).',
      '1 row skipped on webgpu: no WebGPU adapter was found',
      'x [webgpu, ours]: error (boom).',
    ]);
    const sameFailure = [
      row('ours', 'cpu', undefined, 'error', 'package missing'),
      row('ours', 'wasm', undefined, 'error', 'package missing'),
    ];
    expect(problemLines(sameFailure)).toEqual(['2 rows error (package missing): x [ours] on cpu, wasm.']);
    const rowPattern = /\| ops \| x \| ours \| 5.00 \| 1.00 \| error \| 0.20x \| - \| cpu 0.50x \|/.source;
    const chart = /!\[throughput.svg\]\(\.\/throughput.svg\)/.source;
    expect(markdownReport(report, ['throughput.svg'])).toMatch(new RegExp(`${rowPattern}[\\s\\S]*${chart}`));
  });
});
