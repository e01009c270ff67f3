import * as tf from '@tensorflow/tfjs-core';
import '@baihua/core/testing';
import { expect, test } from 'vitest';
import type { BenchCase, Implementation } from '../harness/bench-case.js';
import type { BenchRow } from '../harness/bench-report.js';
import { runBench } from '../harness/run-bench.js';
import { validateBenchReport } from '../harness/validate-report.js';
import { pivotTable } from '../report/pivot-table.js';
import { ortInferenceCases } from '../suites/models/ort-inference.js';
import { installNodeOrtLoaders } from './node-ort-loaders.js';
import { addOrtRatios } from './ort-ratios.js';
import { loadOrtRuntime } from './ort-runtime.js';
import { OrtUnavailableError } from './ort-unavailable-error.js';

const tinyTiming = { timeMs: 5, iterations: 2, warmupIterations: 0, caseBudgetMs: 1_000 };

function row(implementation: Implementation, backend: string, median: number, status: BenchRow['status'] = 'ok') {
  return {
    caseId: `models/x/${implementation}`,
    suite: 'models',
    title: 'x',
    implementation,
    compareKey: 'inference/x',
    backend,
    params: {},
    status,
    warm: { count: 3, mean: median, median, p95: median, min: median, max: median },
  } satisfies BenchRow;
}

test('addOrtRatios: each ours row against both ORT peers (timed once, on cpu); a failed peer gives no ratio', () => {
  const rows = addOrtRatios([
    row('ort-node', 'cpu', 2),
    row('ort-wasm', 'cpu', 8),
    row('ours', 'cpu', 10),
    row('ours', 'wasm', 4),
    row('stock', 'wasm', 3),
  ]);
  expect(rows.map((r) => r.vsOrt)).toEqual([
    undefined,
    undefined,
    { 'ort-node': 5, 'ort-wasm': 1.25 },
    { 'ort-node': 2, 'ort-wasm': 0.5 },
    undefined,
  ]);
  const failed = addOrtRatios([row('ort-node', 'cpu', 2, 'wrong'), row('ort-wasm', 'cpu', 8), row('ours', 'cpu', 4)]);
  expect(failed[2]?.vsOrt).toEqual({ 'ort-wasm': 0.5 });
  const none = [row('stock', 'cpu', 1), row('ours', 'cpu', 2)];
  expect(addOrtRatios(none)).toBe(none); // no peers: rows untouched
});

test('a case that throws OrtUnavailableError is a skipped row with the reason; ORT rows show ours/ort', async () => {
  const make = (implementation: Implementation, ms: number, unavailable?: string): BenchCase => ({
    id: `models/peer/${implementation}`,
    suite: 'models',
    title: `peer ${implementation}`,
    implementation,
    compareKey: 'inference/peer',
    params: {},
    setup() {
      if (unavailable) throw new OrtUnavailableError(unavailable);
      const x = tf.scalar(1);
      return {
        run: async () => {
          const until = performance.now() + ms;
          while (performance.now() < until) {
            // a busy wait of a known length
          }
          return tf.mul(x, 2);
        },
        dispose: () => x.dispose(),
      };
    },
  });
  const report = await runBench({
    suites: [
      {
        name: 'models',
        description: 'test',
        cases: () => [make('ours', 6), make('ort-node', 2), make('ort-wasm', 0, 'onnxruntime-web cannot load: gone')],
      },
    ],
    backends: ['cpu'],
    mode: 'quick',
    timing: tinyTiming,
  });
  const [ours, node, wasm] = report.rows;
  expect(wasm).toMatchObject({ status: 'skipped', message: 'onnxruntime-web cannot load: gone' });
  expect(node?.status).toBe('ok');
  expect(Object.keys(ours?.vsOrt ?? {})).toEqual(['ort-node']);
  expect(ours?.vsOrt?.['ort-node']).toBeCloseTo((ours?.warm?.median ?? 0) / (node?.warm?.median ?? 1), 10);
  expect(validateBenchReport(JSON.parse(JSON.stringify(report)))).toEqual([]);
  const [header, lines] = pivotTable(report);
  expect(header.at(-1)).toBe('ours/ort (node/wasm)');
  expect(lines[0]?.at(-1)).toMatch(/^cpu \d\.\dx\/-$/);
  expect(lines[1]?.[2]).toBe('ort-node');
  expect(lines[2]?.[3]).toBe('skipped');
});

test('MLP inference rows: ORT runs the exported ours model (checked within 1e-4), ours rows get vsOrt', async () => {
  installNodeOrtLoaders();
  const cases = ortInferenceCases('quick').filter((c) => c.id.startsWith('models/mnist-mlp-inference/'));
  expect(cases.map((c) => c.implementation)).toEqual(['ours', 'ort-node', 'ort-wasm']);
  const report = await runBench({
    suites: [{ name: 'models', description: 'test', cases: () => cases }],
    backends: ['cpu', 'wasm'],
    mode: 'quick',
    timing: tinyTiming,
  });
  const on = (implementation: Implementation, backend: string) =>
    report.rows.find((r) => r.implementation === implementation && r.backend === backend);
  for (const peer of ['ort-node', 'ort-wasm'] as const) {
    const runtime = await loadOrtRuntime(peer);
    if (typeof runtime === 'string') {
      expect(on(peer, 'cpu')).toMatchObject({ status: 'skipped', message: runtime });
      continue;
    }
    expect(on(peer, 'cpu')?.status, on(peer, 'cpu')?.message).toBe('ok');
    expect(on(peer, 'cpu')?.metrics?.maxDiffVsOurs).toBeLessThan(1e-4);
    expect(on(peer, 'wasm')).toMatchObject({ status: 'skipped', message: expect.stringMatching(/timed once/) });
    for (const backend of ['cpu', 'wasm']) expect(on('ours', backend)?.vsOrt?.[peer]).toBeGreaterThan(0);
  }
});
