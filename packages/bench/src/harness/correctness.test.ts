import * as tf from '@tensorflow/tfjs-core';
import { describeEachBackend, expectNoLeakedTensors } from '@baihua/core/testing';
import { describe, expect, test } from 'vitest';
import type { BenchCase, BenchSuite } from './bench-case.js';
import { compareWithReference } from './correctness.js';
import { readBack } from './read-back.js';
import { runBench } from './run-bench.js';

const tinyTiming = { timeMs: 10, iterations: 2, warmupIterations: 1, caseBudgetMs: 1_000 };

/**
 * A kernel that doubles its input: right on cpu, deliberately wrong on wasm (one element off by
 * 0.5). It reads its input with readSync, which the webgpu backend cannot do in Node, so the test
 * uses cpu and wasm only.
 */
const doubleKernel = 'BaihuaBenchTestDouble';
function registerDoubleKernel(): void {
  for (const backendName of ['cpu', 'wasm']) {
    tf.registerKernel({
      kernelName: doubleKernel,
      backendName,
      kernelFunc: ({ inputs, backend }) => {
        const x = inputs.x as tf.TensorInfo;
        const kernelBackend = backend as unknown as {
          readSync(id: object): Float32Array;
          write(values: Float32Array, shape: number[], dtype: tf.DataType): object;
        };
        const values = Float32Array.from(kernelBackend.readSync(x.dataId), (value) => value * 2);
        if (backendName === 'wasm') values[3] = (values[3] as number) + 0.5;
        return {
          dataId: kernelBackend.write(values, x.shape, 'float32'),
          shape: x.shape,
          dtype: 'float32',
        } as tf.TensorInfo;
      },
    });
  }
}

function suiteOf(cases: BenchCase[]): BenchSuite {
  return { name: 'ops', description: 'test', cases: () => cases };
}

describeEachBackend('readBack', () => {
  test('brings data to the host and disposes the tensors', async () => {
    await expectNoLeakedTensors(async () => {
      const host = await readBack([tf.tensor1d([1, 2]), tf.tensor2d([[3]])]);
      expect(host.map((item) => [item.shape, [...item.data]])).toEqual([
        [[2], [1, 2]],
        [[1, 1], [3]],
      ]);
    });
  });
});

describe('correctness check', () => {
  test('compareWithReference passes within atol + rtol * max|expected|', () => {
    const expected = [{ shape: [3], data: new Float32Array([1, -10, 2]) }];
    const close = [{ shape: [3], data: new Float32Array([1.005, -10, 2]) }];
    expect(compareWithReference(close, expected, { rtol: 1e-3, atol: 0 }).ok).toBe(true); // allowed 0.01
    const far = compareWithReference([{ shape: [3], data: new Float32Array([1.02, -10, 2]) }], expected, {
      rtol: 1e-3,
      atol: 0,
    });
    expect(far.ok).toBe(false);
    expect(far.detail).toMatch(/output 0: element 0 is 1.0199999809265137, cpu gives 1/);
    expect(far.maxAbsError).toBeCloseTo(0.02, 5);
  });

  test('NaN, a wrong shape and a wrong output count all fail', () => {
    const expected = [{ shape: [2], data: new Float32Array([1, 2]) }];
    expect(compareWithReference([{ shape: [2], data: new Float32Array([1, Number.NaN]) }], expected).ok).toBe(false);
    expect(compareWithReference([{ shape: [1, 2], data: new Float32Array([1, 2]) }], expected).detail).toMatch(
      /expected shape \[2\], got \[1,2\]/,
    );
    expect(compareWithReference([], expected).detail).toMatch(/expected 1 outputs, got 0/);
  });

  test('a deliberately wrong kernel on wasm is flagged; the same kernel right on cpu passes', async () => {
    registerDoubleKernel();
    const wrongCase: BenchCase = {
      id: 'ops/test-double/stock',
      suite: 'ops',
      title: 'double',
      implementation: 'stock',
      compareKey: 'double',
      params: {},
      setup() {
        const x = tf.tensor1d([1, 2, 3, 4, 5, 6]);
        return { run: () => tf.engine().runKernel(doubleKernel, { x }) as tf.Tensor, dispose: () => x.dispose() };
      },
    };
    const rightCase: BenchCase = {
      ...wrongCase,
      id: 'ops/test-square/stock',
      title: 'square',
      setup() {
        const x = tf.tensor1d([1, 2, 3, 4, 5, 6]);
        return { run: () => tf.square(x), dispose: () => x.dispose() };
      },
    };
    const report = await runBench({
      suites: [suiteOf([wrongCase, rightCase])],
      backends: ['cpu', 'wasm'],
      mode: 'quick',
      timing: tinyTiming,
    });
    const row = (id: string, backend: string) => report.rows.find((r) => r.caseId === id && r.backend === backend);
    expect(row(wrongCase.id, 'cpu')?.status).toBe('ok');
    expect(row(wrongCase.id, 'wasm')?.status).toBe('wrong');
    expect(row(wrongCase.id, 'wasm')?.correctness?.detail).toMatch(/element 3 is 8.5, cpu gives 8/);
    expect(row(rightCase.id, 'wasm')?.status).toBe('ok');
    expect(row(rightCase.id, 'wasm')?.correctness?.ok).toBe(true);
  });

  test('leaks, errors and per-run leak counts are reported per row', async () => {
    const kept: tf.Tensor[] = [];
    const leaky: BenchCase = {
      id: 'ops/test-leak/stock',
      suite: 'ops',
      title: 'leak',
      implementation: 'stock',
      compareKey: 'leak',
      params: {},
      setup() {
        const x = tf.tensor1d([1, 2]);
        return {
          run: () => {
            kept.push(tf.neg(x));
            return tf.add(x, 1);
          },
          dispose: () => x.dispose(),
        };
      },
    };
    const failing: BenchCase = {
      ...leaky,
      id: 'ops/test-fail/stock',
      setup: () => {
        throw new Error('no such kernel');
      },
    };
    const report = await runBench({
      suites: [suiteOf([leaky, failing])],
      backends: ['cpu'],
      mode: 'quick',
      timing: tinyTiming,
    });
    const [leakRow, failRow] = report.rows;
    expect(leakRow?.memory?.tensorsLeakedPerRun).toBe(1);
    expect(leakRow?.memory?.tensorsLeaked).toBe(kept.length);
    expect(leakRow?.warm?.count).toBeGreaterThanOrEqual(2);
    expect(leakRow?.coldMs).toBeGreaterThan(0);
    expect(failRow?.status).toBe('error');
    expect(failRow?.message).toBe('no such kernel');
    tf.dispose(kept);
  });
});
