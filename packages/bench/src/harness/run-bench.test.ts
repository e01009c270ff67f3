import * as tf from '@tensorflow/tfjs-core';
import '@baihua/core/testing';
import { describe, expect, test } from 'vitest';
import type { BenchCase } from './bench-case.js';
import { runBench } from './run-bench.js';

const tinyTiming = { timeMs: 5, iterations: 2, warmupIterations: 1, caseBudgetMs: 1_000 };

describe('runBench', () => {
  const orderTitle =
    'stock cases run before any of ours (an area package may change tfjs process-wide); rows keep the listed order';
  test(orderTitle, async () => {
    const events: string[] = [];
    const make = (implementation: 'ours' | 'stock'): BenchCase => ({
      id: `ops/order/${implementation}`,
      suite: 'ops',
      title: `order ${implementation}`,
      implementation,
      compareKey: 'order',
      params: {},
      setup() {
        events.push(implementation);
        const x = tf.scalar(implementation === 'ours' ? 1 : 2);
        return { run: () => tf.mul(x, 1), dispose: () => x.dispose() };
      },
    });
    const report = await runBench({
      suites: [{ name: 'ops', description: 'test', cases: () => [make('ours'), make('stock')] }],
      backends: ['cpu'],
      mode: 'quick',
      timing: tinyTiming,
    });
    expect(events).toEqual(['stock', 'ours']);
    expect(report.rows.map((row) => row.caseId)).toEqual(['ops/order/ours', 'ops/order/stock']);
    expect(report.rows[0]?.vsStock).toBeGreaterThan(0);
  });

  test('--reference: every row is checked against that backend, which runs untimed when not requested', async () => {
    const ran: string[] = [];
    // Differs between backends on purpose: cpu answers 1, anything else 2.
    const backendDependent: BenchCase = {
      id: 'ops/reference/ours',
      suite: 'ops',
      title: 'reference',
      implementation: 'ours',
      compareKey: 'reference',
      params: {},
      setup({ backend }) {
        ran.push(backend);
        const x = tf.scalar(backend === 'cpu' ? 1 : 2);
        return { run: () => tf.mul(x, 1), dispose: () => x.dispose() };
      },
    };
    const report = await runBench({
      suites: [{ name: 'ops', description: 'test', cases: () => [backendDependent] }],
      backends: ['cpu'],
      mode: 'quick',
      timing: tinyTiming,
      reference: 'wasm',
    });
    expect(ran).toEqual(['wasm', 'cpu']);
    expect(report.referenceBackend).toBe('wasm');
    expect(report.rows.map((row) => [row.backend, row.status])).toEqual([['cpu', 'wrong']]);
    expect(report.rows[0]?.message).toMatch(/^results differ from wasm: .*wasm gives 2 /);
    expect(report.rows[0]?.correctness?.reference).toBe('wasm');
    const byCpu = await runBench({
      suites: [{ name: 'ops', description: 'test', cases: () => [backendDependent] }],
      backends: ['wasm'],
      mode: 'quick',
      timing: tinyTiming,
    });
    expect(byCpu.referenceBackend).toBeUndefined();
    expect(byCpu.rows[0]?.message).toMatch(/^results differ from cpu: .*cpu gives 1 /);
    expect(byCpu.rows[0]?.correctness?.reference).toBe('cpu');
  });

  test('an unavailable or unknown backend gives skipped rows with the reason', async () => {
    const only: BenchCase = {
      id: 'ops/skip/stock',
      suite: 'ops',
      title: 'skip',
      implementation: 'stock',
      compareKey: 'skip',
      params: {},
      skip: { wasm: 'not for wasm' },
      setup() {
        const x = tf.scalar(3);
        return { run: () => tf.neg(x), dispose: () => x.dispose() };
      },
    };
    const report = await runBench({
      suites: [{ name: 'ops', description: 'test', cases: () => [only] }],
      backends: ['cpu', 'wasm', 'nonesuch'],
      mode: 'quick',
      timing: tinyTiming,
    });
    expect(report.rows.map((row) => [row.backend, row.status])).toEqual([
      ['cpu', 'ok'],
      ['wasm', 'skipped'],
      ['nonesuch', 'skipped'],
    ]);
    expect(report.rows[1]?.message).toBe('not for wasm');
    expect(report.rows[2]?.message).toMatch(/nonesuch/);
  });
});
