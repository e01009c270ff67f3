import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import '@baihua/core/testing';
import { describe, expect, test, vi } from 'vitest';
import { benchReportSchemaId, type BenchReport, type BenchRow } from '../harness/bench-report.js';
import { runCli } from '../node/main.js';
import { compareReports, comparisonTable } from './compare-reports.js';

function row(caseId: string, backend: string, median: number | undefined, status: BenchRow['status'] = 'ok'): BenchRow {
  return {
    caseId,
    suite: 'ops',
    title: caseId,
    implementation: 'stock',
    compareKey: caseId,
    backend,
    params: {},
    status,
    ...(median !== undefined
      ? { warm: { count: 3, mean: median, median, p95: median, min: median, max: median } }
      : {}),
  };
}

function report(rows: BenchRow[]): BenchReport {
  return {
    schema: benchReportSchemaId,
    createdAt: '2026-11-26T00:00:00.000Z',
    mode: 'quick',
    suites: ['ops'],
    backends: ['cpu', 'wasm'],
    timing: { timeMs: 300, iterations: 3, warmupIterations: 1, caseBudgetMs: 2500 },
    wallMs: 1000,
    environment: {
      backends: { runtime: 'Node.js 20', activeBackend: 'cpu', backends: [{ name: 'cpu', available: true }] },
    },
    rows,
  };
}

const before = report([
  row('a', 'cpu', 10),
  row('b', 'cpu', 10),
  row('c', 'wasm', 5),
  row('gone', 'cpu', 1),
  row('d', 'cpu', 4),
]);
const after = report([
  row('a', 'cpu', 5),
  row('b', 'cpu', 20),
  row('c', 'wasm', 5.2),
  row('new', 'cpu', 1),
  row('d', 'cpu', undefined, 'error'),
]);

describe('--compare', () => {
  test('matches rows by case and backend and gives new/old medians', () => {
    const changes = compareReports(before, after);
    const byId = Object.fromEntries(changes.map((change) => [change.caseId, change]));
    expect(byId.a?.ratio).toBe(0.5);
    expect(byId.b?.ratio).toBe(2);
    expect(byId.c?.ratio).toBeCloseTo(1.04, 10);
    expect(byId.new?.oldStatus).toBeUndefined();
    expect(byId.gone?.newStatus).toBeUndefined();
    expect(byId.d).toMatchObject({ oldStatus: 'ok', newStatus: 'error' });
    const table = comparisonTable(changes);
    expect(table).toMatch(/^a\s+cpu\s+10.0\s+5.00\s+0.50x\s+faster$/m);
    expect(table).toMatch(/^b\s+cpu\s+10.0\s+20.0\s+2.0x\s+slower$/m);
    expect(table).toMatch(/^c\s+wasm\s+5.00\s+5.20\s+1.0x\s+same$/m);
    expect(table).toMatch(/^new\s.*new$/m);
    expect(table).toMatch(/^gone\s.*gone$/m);
    expect(table).toMatch(/^d\s.*ok -> error$/m);
  });

  test('the CLI compares two report files without running, and rejects a file that is not a report', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'bench-compare-'));
    const oldPath = join(folder, 'old.json');
    const newPath = join(folder, 'new.json');
    writeFileSync(oldPath, JSON.stringify(before));
    writeFileSync(newPath, JSON.stringify(after));
    const written: string[] = [];
    const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
      written.push(String(chunk));
      return true;
    });
    try {
      expect(await runCli(['--compare', oldPath, newPath], { outFolder: folder })).toBe(0);
    } finally {
      spy.mockRestore();
    }
    expect(written.join('')).toMatch(
      /Change from .*old\.json to .*new\.json:\n.*\n.*\na\s+cpu\s+10.0\s+5.00\s+0.50x\s+faster/,
    );
    writeFileSync(newPath, JSON.stringify({ schema: 'something else' }));
    await expect(runCli(['--compare', oldPath, newPath], { outFolder: folder })).rejects.toThrow(
      /new\.json is not a baihua bench report/,
    );
  });
});
