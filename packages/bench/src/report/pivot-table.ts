import type { BenchReport, BenchRow } from '../harness/bench-report.js';
import { ortRatioCell } from '../ort/ort-ratios.js';
import { formatMs, formatRatio } from './format.js';

/**
 * The report folded to one line per case: warm median per backend (or what went wrong there),
 * each backend's time relative to cpu, and ours/stock per backend on 'ours' lines (and ours/ort,
 * against the ONNX Runtime peers, when the report has them).
 *
 * @example markdownTable(...pivotTable(report))
 *
 * In plain words: the whole run at a glance, one line per piece of work.
 */
export function pivotTable(report: BenchReport): [string[], string[][]] {
  const backends = report.backends;
  const others = backends.filter((backend) => backend !== 'cpu');
  const withOrt = report.rows.some((row) => row.vsOrt !== undefined);
  const header = [
    'suite',
    'case',
    'impl',
    ...backends.map((backend) => `${backend} ms`),
    ...(backends.includes('cpu') ? others.map((backend) => `${backend} vs cpu`) : []),
    'ours/stock',
    ...(withOrt ? ['ours/ort (node/wasm)'] : []),
  ];
  const byCase = new Map<string, BenchRow[]>();
  for (const row of report.rows) byCase.set(row.caseId, [...(byCase.get(row.caseId) ?? []), row]);
  const lines = [...byCase.values()].map((rows) => {
    const first = rows[0] as BenchRow;
    const on = (backend: string) => rows.find((row) => row.backend === backend);
    const cell = (row: BenchRow | undefined) => {
      if (!row) return '-';
      if (row.status === 'error') return 'error';
      if (row.status === 'skipped') return 'skipped';
      return `${formatMs(row.warm?.median)}${row.status === 'wrong' ? ' WRONG' : ''}`;
    };
    const stock = rows
      .filter((row) => row.vsStock !== undefined)
      .map((row) => `${row.backend} ${formatRatio(row.vsStock)}`)
      .join(', ');
    const measured = Object.entries(first.metrics ?? {}).map(([name, value]) => `${name} ${formatMetric(value)}`);
    const gflops = rows
      .filter((row) => row.gflops !== undefined && row.status === 'ok')
      .map((row) => `${row.backend} ${formatMetric(row.gflops as number)}`);
    const notes = [...measured, ...(gflops.length > 0 ? [`GFLOP/s ${gflops.join(', ')}`] : [])];
    const metrics = notes.length > 0 ? ` (${notes.join('; ')})` : '';
    return [
      first.suite,
      `${first.title}${metrics}`,
      first.implementation,
      ...backends.map((backend) => cell(on(backend))),
      ...(backends.includes('cpu') ? others.map((backend) => formatRatio(on(backend)?.vsCpu)) : []),
      first.implementation === 'ours' ? stock || '-' : '',
      ...(withOrt ? [first.implementation === 'ours' ? ortRatioCell(rows, formatRatio) || '-' : ''] : []),
    ];
  });
  return [header, lines];
}

/** Integers as they are, other values with 3 significant digits. */
export function formatMetric(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toPrecision(3);
}
