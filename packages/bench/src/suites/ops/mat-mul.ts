import * as tf from '@tensorflow/tfjs-core';
import type { BenchCase, BenchMode } from '../../harness/bench-case.js';
import { seededNormal } from '../../harness/seeded-tensors.js';

/** tf.matMul of two n x n matrices, 2n^3 flops; quick: 64, 128, 256; full adds 512 and 1024. */
export function matMulCases(mode: BenchMode): BenchCase[] {
  const sizes = mode === 'quick' ? [64, 128, 256] : [64, 128, 256, 512, 1024];
  return sizes.map((n) => ({
    id: `ops/matMul/${n}/stock`,
    suite: 'ops',
    title: `matMul ${n}x${n}x${n}`,
    implementation: 'stock',
    compareKey: `matMul/${n}`,
    flops: 2 * n * n * n,
    params: { m: n, k: n, n },
    tolerance: { rtol: 1e-3, atol: 1e-3 },
    setup() {
      const a = seededNormal([n, n], 1);
      const b = seededNormal([n, n], 2);
      return { run: () => tf.matMul(a, b), dispose: () => tf.dispose([a, b]) };
    },
  }));
}
