import type { BenchReport, BenchRow } from '../harness/bench-report.js';
import { barChartSvg, type BarGroup } from './svg-bar-chart.js';

/** The SVG charts of a report, by file name. */
export interface ReportCharts {
  'throughput.svg': string;
  'ours-vs-stock.svg': string;
  'matmul-gflops.svg': string;
}

/**
 * Draws the report's charts: runs per second of every case on every backend (log scale), matMul
 * GFLOP/s per backend, and ours vs stock (stock time / our time, above 1 = ours is faster).
 *
 * @example for (const [name, svg] of Object.entries(reportCharts(report))) writeFile(name, svg);
 *
 * In plain words: pictures of who is fast where.
 */
export function reportCharts(report: BenchReport): ReportCharts {
  const { cpuCores, backends } = report.environment;
  const label = `${cpuCores ?? '?'} cores, ${backends.runtime}; ${softwareNote(report)}`;
  const timed = report.rows.filter((row) => row.warm && row.status !== 'error');
  const throughputGroups = groupBy(timed, (row) => `${row.title}${row.implementation === 'ours' ? ' (ours)' : ''}`).map(
    ([title, rows]): BarGroup => ({
      label: title,
      bars: report.backends.map((backend) => {
        const row = rows.find((candidate) => candidate.backend === backend);
        return {
          series: backend,
          value: row?.warm ? 1000 / row.warm.median : Number.NaN,
          ...(row?.status === 'wrong' ? { note: 'WRONG' } : row ? {} : { note: 'not run' }),
        };
      }),
    }),
  );
  const matMulGroups = groupBy(
    timed.filter((row) => row.gflops !== undefined && row.caseId.startsWith('ops/matMul/')),
    (row) => row.title,
  ).map(
    ([title, rows]): BarGroup => ({
      label: title,
      bars: report.backends.map((backend) => ({
        series: backend,
        value: rows.find((row) => row.backend === backend)?.gflops ?? Number.NaN,
      })),
    }),
  );
  const stockRows = report.rows.filter((row) => row.implementation === 'stock');
  const hasStock = (row: BenchRow) => stockRows.some((stock) => stock.compareKey === row.compareKey);
  const oursRows = timed.filter((row) => row.implementation === 'ours' && hasStock(row));
  const oursGroups = groupBy(oursRows, (row) => row.title).map(
    ([title, rows]): BarGroup => ({
      label: title,
      bars: report.backends.map((backend) => {
        const ours = rows.find((row) => row.backend === backend);
        if (ours?.vsStock !== undefined) return { series: backend, value: 1 / ours.vsStock };
        const stock = stockRows.find((row) => row.compareKey === ours?.compareKey && row.backend === backend);
        const note = !ours
          ? 'ours not run'
          : stock && stock.status !== 'ok'
            ? `stock: ${stock.status === 'wrong' ? 'WRONG result' : stock.status}, ours: ok`
            : 'n/a';
        return { series: backend, value: Number.NaN, note };
      }),
    }),
  );
  return {
    'throughput.svg': barChartSvg({
      title: 'Throughput per backend (runs per second, readback included)',
      subtitle: label,
      unit: 'runs per second (log scale, longer is faster)',
      series: report.backends,
      groups: throughputGroups,
      logScale: true,
    }),
    'matmul-gflops.svg': barChartSvg({
      title: 'matMul GFLOP/s per backend',
      subtitle: label,
      unit: 'GFLOP/s (longer is faster)',
      series: report.backends,
      groups: matMulGroups,
    }),
    'ours-vs-stock.svg': barChartSvg({
      title: 'baihua vs stock tfjs on the same backend',
      subtitle:
        oursGroups.length > 0
          ? `${label}; stock time / our time, right of the dashed line = ours is faster`
          : `${label}; no case has both an 'ours' and a 'stock' row in this run yet`,
      unit: 'speed-up over stock tfjs (log scale)',
      series: report.backends,
      groups: oursGroups,
      logScale: true,
      referenceLine: 1,
    }),
  };
}

function softwareNote(report: BenchReport): string {
  const webgpu = report.environment.backends.backends.find((backend) => backend.name === 'webgpu');
  if (!webgpu?.available || !webgpu.adapter) return 'no WebGPU';
  return webgpu.adapter.isSoftware
    ? `webgpu on ${webgpu.adapter.architecture || webgpu.adapter.description} (software, no GPU)`
    : `webgpu on ${webgpu.adapter.vendor} ${webgpu.adapter.architecture}`;
}

function groupBy<T>(items: T[], key: (item: T) => string): Array<[string, T[]]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const name = key(item);
    groups.set(name, [...(groups.get(name) ?? []), item]);
  }
  return [...groups.entries()];
}
