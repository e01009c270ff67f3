import * as tf from '@tensorflow/tfjs-core';
import { describeEachBackend, expectNoLeakedTensors, expectTensorsClose } from '@baihua/core/testing';
import { afterEach, expect, test } from 'vitest';
import { CoupledLstmCell } from '../../cells/coupled-lstm-cell.js';
import { ElmanCell } from '../../cells/elman-cell.js';
import { GruCell } from '../../cells/gru-cell.js';
import { LstmCell } from '../../cells/lstm-cell.js';
import { PeepholeLstmCell } from '../../cells/peephole-lstm-cell.js';
import { type ParityCase, expectFusedMatchesReference } from '../test/fused-parity-case.js';
import { fusedTiling, setFusedWebGpuTiling } from './adapter-tiling.js';
import './register-webgpu-sequences.js';
import { tiledMatMul, tiledProjection } from './tiled-mat-mul.js';
import { webgpuStepBackend } from './webgpu-step-program.js';

afterEach(() => {
  setFusedWebGpuTiling('auto');
});

/** 9 rows and 6 units: neither a multiple of the software block (8 rows, 4 units). */
const ragged = [
  [1, 1, 1, 0],
  [1, 0, 1, 1],
  [1, 1, 1, 1],
  [0, 1, 1, 1],
  [1, 1, 0, 0],
  [1, 1, 1, 1],
  [1, 0, 0, 0],
  [1, 1, 1, 1],
  [1, 1, 1, 0],
];
const cells = [
  () => new LstmCell({ inputSize: 5, hiddenSize: 6, seed: 11 }),
  () => new PeepholeLstmCell({ inputSize: 5, hiddenSize: 6, seed: 12 }),
  () => new CoupledLstmCell({ inputSize: 5, hiddenSize: 6, seed: 13 }),
  () => new GruCell({ inputSize: 5, hiddenSize: 6, seed: 14 }),
  () => new ElmanCell({ inputSize: 5, hiddenSize: 6, seed: 15 }),
];

async function parity(tiling: 'gpu' | 'software', make: () => ParityCase['cell'], extra: Partial<ParityCase>) {
  setFusedWebGpuTiling(tiling);
  const cell = make();
  try {
    expect(await expectFusedMatchesReference({ cell, shape: [9, 4, 5], ...extra })).toBe('webgpu-fused-sequence');
  } finally {
    cell.dispose();
  }
}

// Both tilings on whatever adapter runs the tests (SwiftShader in CI picks 'software' by itself):
// fused vs op-by-op, loss and gradients for x, the initial state and every weight, rtol 2e-4 / atol 2e-5.
describeEachBackend(
  'webgpu fused kernels, GPU and software tilings',
  () => {
    for (const tiling of ['gpu', 'software'] as const) {
      test(`${tiling} tiling: every one-dispatch cell, 9 rows x 6 units, masked, with an initial state`, async () => {
        for (const make of cells) await parity(tiling, make, { mask: ragged, initialState: true });
      });
      test(`${tiling} tiling: LSTM reversed, returnSequences false`, () =>
        parity(tiling, cells[0] as () => ParityCase['cell'], { reverse: true, returnSequences: false, seed: 3 }));
    }

    test('fusedTiling: software adapters get 8 x 4 blocks and the tiled matMul, GPUs one thread per unit', () => {
      const software = fusedTiling({ adapterInfo: { vendor: 'google', architecture: 'swiftshader' } });
      expect(software).toEqual({ rows: 8, units: 4, tiledProjection: true });
      expect(fusedTiling({ adapterInfo: { vendor: 'mesa', architecture: 'llvmpipe' } }).rows).toBe(8);
      const gpu = fusedTiling({ adapterInfo: { vendor: 'nvidia', architecture: 'hopper' } });
      expect(gpu).toEqual({ rows: 1, units: 1, tiledProjection: false });
      expect(setFusedWebGpuTiling('software')).toBe('auto');
      expect(fusedTiling({ adapterInfo: { vendor: 'nvidia', architecture: 'hopper' } }).rows).toBe(8);
    });

    test('tiledMatMul equals tf.matMul (+ bias) at sizes off the 8 x 16 block, and leaks nothing', async () => {
      const backend = webgpuStepBackend();
      if (backend === undefined) throw new Error('not on webgpu');
      for (const [m, k, n] of [
        [1, 3, 4],
        [9, 7, 20],
        [17, 32, 36],
      ] as const) {
        const a = tf.randomNormal([m, k], 0, 1, 'float32', m) as tf.Tensor2D;
        const b = tf.randomNormal([k, n], 0, 1, 'float32', n) as tf.Tensor2D;
        const bias = tf.randomNormal([n], 0, 1, 'float32', k) as tf.Tensor1D;
        await expectTensorsClose(tiledMatMul(backend, a, b), tf.matMul(a, b), { rtol: 1e-5, atol: 1e-5 });
        await expectTensorsClose(tiledMatMul(backend, a, b, bias), tf.add(tf.matMul(a, b), bias), {
          rtol: 1e-5,
          atol: 1e-5,
        });
      }
      const a = tf.randomNormal([9, 7]) as tf.Tensor2D;
      const b = tf.randomNormal([7, 20]) as tf.Tensor2D;
      await expectNoLeakedTensors(() => tf.tidy(() => tiledMatMul(backend, a, b)).dispose());
    });

    test("tiledProjection's gradients are tfjs's: dx = dy W^T, dW = x^T dy, db = sum dy", async () => {
      const backend = webgpuStepBackend();
      if (backend === undefined) throw new Error('not on webgpu');
      const x = tf.randomNormal([9, 7], 0, 1, 'float32', 1) as tf.Tensor2D;
      const w = tf.randomNormal([7, 12], 0, 1, 'float32', 2) as tf.Tensor2D;
      const bias = tf.randomNormal([12], 0, 1, 'float32', 3) as tf.Tensor1D;
      const weights = tf.randomNormal([9, 12], 0, 1, 'float32', 4);
      const loss =
        (project: (a: tf.Tensor2D, b: tf.Tensor2D, c: tf.Tensor1D) => tf.Tensor) =>
        (a: tf.Tensor, b: tf.Tensor, c: tf.Tensor) =>
          tf.sum(tf.mul(project(a as tf.Tensor2D, b as tf.Tensor2D, c as tf.Tensor1D), weights));
      const ours = tf.grads(loss((a, b, c) => tiledProjection(backend, a, b, c)))([x, w, bias]);
      const stock = tf.grads(loss((a, b, c) => tf.add(tf.matMul(a, b), c)))([x, w, bias]);
      for (const [i, grad] of ours.entries())
        await expectTensorsClose(grad, stock[i] as tf.Tensor, { rtol: 1e-5, atol: 1e-5 });
    });
  },
  { backends: ['webgpu'] },
);
