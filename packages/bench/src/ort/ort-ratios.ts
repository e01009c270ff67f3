import type { BenchRow } from '../harness/bench-report.js';

/** The peer implementations whose rows give 'ours' rows a `vsOrt` ratio. */
export const ortPeers = ['ort-node', 'ort-wasm'] as const;

/**
 * Fills `vsOrt` on 'ours' rows: the ours warm median on its backend divided by each ONNX Runtime
 * peer's warm median for the same compareKey (peers are timed once, in the cpu column, so every
 * backend's ours row is compared with that one time). Lower is faster; peers that did not run
 * cleanly give no ratio.
 *
 * @example addOrtRatios(rows).find((r) => r.implementation === 'ours')?.vsOrt // { 'ort-node': 4.2, 'ort-wasm': 1.3 }
 *
 * In plain words: how many times longer ours takes than ONNX Runtime on the same model.
 */
export function addOrtRatios(rows: BenchRow[]): BenchRow[] {
  const peers = new Map<string, number>();
  for (const row of rows)
    if ((ortPeers as readonly string[]).includes(row.implementation) && row.status === 'ok' && row.warm)
      peers.set(`${row.compareKey}\u0000${row.implementation}`, row.warm.median);
  if (peers.size === 0) return rows;
  return rows.map((row) => {
    if (row.implementation !== 'ours' || !row.warm || row.status === 'error') return row;
    const ratios: Record<string, number> = {};
    for (const peer of ortPeers) {
      const median = peers.get(`${row.compareKey}\u0000${peer}`);
      if (median !== undefined && median > 0) ratios[peer] = row.warm.median / median;
    }
    return Object.keys(ratios).length > 0 ? { ...row, vsOrt: ratios } : row;
  });
}

/** The `vsOrt` ratios of one case's ours rows for a table cell: `cpu 4.20/1.30, wasm 0.90/0.30` (node/wasm). */
export function ortRatioCell(rows: BenchRow[], formatRatio: (ratio: number | undefined) => string): string {
  return rows
    .filter((row) => row.vsOrt !== undefined)
    .map((row) => `${row.backend} ${ortPeers.map((peer) => formatRatio(row.vsOrt?.[peer])).join('/')}`)
    .join(', ');
}
