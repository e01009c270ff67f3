import * as tf from '@tensorflow/tfjs-core';
import type { BenchCase, BenchMode } from '../../harness/bench-case.js';
import { seededNormal } from '../../harness/seeded-tensors.js';

const notWasm = 'threads are a wasm setting';

/**
 * matMul n x n x n on wasm with 1 thread, then with the default count (the machine's available
 * parallelism, `defaultWasmThreads()`): the scaling of tfjs-backend-wasm's threaded XNNPACK build,
 * which @baihua/core runs in Node too. Each row's setup switches the wasm backend's threads
 * (`useBackend('wasm', { threads })` re-creates it) and records the count in its metrics; the two
 * rows are listed together, the default-count one last, so every later row runs with the default.
 * Quick: 1024; full: 1024 and 2048.
 *
 * In plain words: does a second core make matrix products faster.
 */
export function wasmThreadsMatMulCases(mode: BenchMode, sizes = mode === 'quick' ? [1024] : [1024, 2048]): BenchCase[] {
  return sizes.flatMap((n) =>
    (['1', 'all'] as const).map(
      (threads): BenchCase => ({
        id: `ops/matMul-threads-${threads}/${n}/stock`,
        suite: 'ops',
        title: `matMul ${n}x${n}x${n} wasm ${threads === '1' ? '1 thread' : 'all threads'}`,
        implementation: 'stock',
        compareKey: `matMul-threads-${threads}/${n}`,
        flops: 2 * n * n * n,
        params: { m: n, k: n, n, threads: threads === '1' ? '1' : 'defaultWasmThreads()' },
        skip: { cpu: notWasm, webgpu: notWasm },
        async setup() {
          const core = await import('@baihua/core');
          const count = threads === '1' ? 1 : core.defaultWasmThreads();
          await core.useBackend('wasm', { threads: count });
          const a = seededNormal([n, n], 1);
          const b = seededNormal([n, n], 2);
          return {
            run: () => tf.matMul(a, b),
            metrics: () => ({ threads: count }),
            dispose: () => tf.dispose([a, b]),
          };
        },
      }),
    ),
  );
}
