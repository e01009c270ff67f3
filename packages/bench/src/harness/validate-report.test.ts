import * as tf from '@tensorflow/tfjs-core';
import '@baihua/core/testing';
import { describe, expect, test } from 'vitest';
import type { BenchCase } from './bench-case.js';
import { runBench } from './run-bench.js';
import { parseBenchReport, validateBenchReport } from './validate-report.js';

const matMulCase: BenchCase = {
  id: 'ops/test-matMul/8/stock',
  suite: 'ops',
  title: 'matMul 8',
  implementation: 'stock',
  compareKey: 'matMul/8',
  params: { n: 8 },
  flops: 2 * 8 ** 3,
  metrics: { parameters: 64 },
  setup() {
    const a = tf.ones([8, 8]);
    return { run: () => tf.matMul(a, a), dispose: () => a.dispose() };
  },
};

async function realReport() {
  return runBench({
    suites: [{ name: 'ops', description: 'test', cases: () => [matMulCase] }],
    backends: ['cpu', 'wasm'],
    mode: 'quick',
    timing: { timeMs: 10, iterations: 2, warmupIterations: 1, caseBudgetMs: 1_000 },
    environment: { node: '20', cpuCores: 2, cpuModel: 'test cpu' },
  });
}

describe('JSON report schema', () => {
  test('a real report, written to JSON and read back, is valid', async () => {
    const report = await realReport();
    const parsed: unknown = JSON.parse(JSON.stringify(report));
    expect(validateBenchReport(parsed)).toEqual([]);
    const checked = parseBenchReport(parsed);
    expect(checked.rows.map((row) => [row.backend, row.status])).toEqual([
      ['cpu', 'ok'],
      ['wasm', 'ok'],
    ]);
    expect(checked.rows[1]?.vsCpu).toBeGreaterThan(0);
    expect(checked.rows[0]?.gflops).toBeGreaterThan(0);
    expect(checked.environment.backends.backends.map((backend) => backend.name)).toEqual(['cpu', 'wasm', 'webgpu']);
  });

  test('problems are reported with their path', async () => {
    const report = JSON.parse(JSON.stringify(await realReport())) as Record<string, unknown> & {
      rows: Array<Record<string, unknown>>;
    };
    report.schema = 'baihua-bench/0';
    delete report.timing;
    (report.rows[0] as Record<string, unknown>).status = 'fast';
    (report.rows[1] as { warm: { median: unknown } }).warm.median = 'slow';
    const problems = validateBenchReport(report);
    expect(problems).toContain('report.schema: expected one of baihua-bench/1, got "baihua-bench/0"');
    expect(problems).toContain('report.timing: missing');
    expect(problems).toContain('report.rows[0].status: expected one of ok|wrong|error|skipped, got "fast"');
    expect(problems).toContain('report.rows[1].warm.median: expected a number, got "slow"');
    expect(() => parseBenchReport(report, 'old.json')).toThrow(
      /old.json is not a baihua bench report \(baihua-bench\/1\)/,
    );
    expect(validateBenchReport([])).toEqual(['report: expected an object, got []']);
  });
});
