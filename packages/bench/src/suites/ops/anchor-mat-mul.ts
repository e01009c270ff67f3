import * as tf from '@tensorflow/tfjs-core';
import type { BenchCase, BenchMode } from '../../harness/bench-case.js';
import { seededNormal } from '../../harness/seeded-tensors.js';
import { anchorSize, anchorSkip } from '../anchor/anchor-shape.js';
import type { RecurrentSize } from './recurrent.js';

/**
 * tf.matMul at the anchor LSTM's input-projection shape, [T*B, I] x [I, 4H] (6400x256x1024 at
 * the anchor: 3.36 GFLOP), so the recurrent rows' GFLOP/s stand beside the same run's GEMM speed.
 *
 * In plain words: how fast this machine multiplies matrices of the recurrent layers' size.
 */
export function anchorMatMulCases(mode: BenchMode, size: RecurrentSize = anchorSize): BenchCase[] {
  const m = size.steps * size.batch;
  const k = size.inputSize;
  const n = 4 * size.hiddenSize;
  const skip = anchorSkip(mode, size);
  return [
    {
      id: `ops/matMul/${m}x${k}x${n}/stock`,
      suite: 'ops',
      title: `matMul ${m}x${k}x${n} (anchor LSTM projection)`,
      implementation: 'stock',
      compareKey: `matMul/${m}x${k}x${n}`,
      flops: 2 * m * k * n,
      params: { m, k, n },
      tolerance: { rtol: 1e-3, atol: 1e-3 },
      ...(skip ? { skip } : {}),
      setup() {
        const a = seededNormal([m, k], 1);
        const b = seededNormal([k, n], 2);
        return { run: () => tf.matMul(a, b), dispose: () => tf.dispose([a, b]) };
      },
    },
  ];
}
