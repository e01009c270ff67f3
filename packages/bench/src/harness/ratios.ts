import type { BenchRow } from './bench-report.js';

/**
 * Fills each row's `vsCpu` (its warm median / the same case's cpu median) and, on 'ours' rows,
 * `vsStock` (ours / stock warm median for the same compareKey and backend, when the stock row is
 * correct). Lower is faster; rows without a warm time, or whose partner has none, get neither.
 *
 * @example addRatios(report.rows).find((r) => r.backend === 'wasm')?.vsCpu // 0.4: wasm takes 40% of cpu's time
 *
 * In plain words: how many times longer (or shorter) the same work takes elsewhere.
 */
export function addRatios(rows: BenchRow[]): BenchRow[] {
  const medians = new Map<string, number>();
  const key = (...parts: string[]) => parts.join('\u0000');
  for (const row of rows) {
    if (row.warm && row.status !== 'error') {
      medians.set(key('case', row.caseId, row.backend), row.warm.median);
      // A stock row that computed the wrong result is no baseline.
      if (row.implementation === 'stock' && row.status === 'ok')
        medians.set(key('stock', row.compareKey, row.backend), row.warm.median);
    }
  }
  return rows.map((row) => {
    if (!row.warm) return row;
    const updated = { ...row };
    const cpu = medians.get(key('case', row.caseId, 'cpu'));
    if (cpu !== undefined && cpu > 0) updated.vsCpu = row.warm.median / cpu;
    const stock = row.implementation === 'ours' ? medians.get(key('stock', row.compareKey, row.backend)) : undefined;
    if (stock !== undefined && stock > 0) updated.vsStock = row.warm.median / stock;
    return updated;
  });
}
