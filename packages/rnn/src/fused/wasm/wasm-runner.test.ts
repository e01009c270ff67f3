import * as tf from '@tensorflow/tfjs-core';
import { describeEachBackend, expectNoLeakedTensors, expectTensorsClose } from '@baihua/core/testing';
import { expect, test, vi } from 'vitest';
import { ElmanCell } from '../../cells/elman-cell.js';
import { GruCell } from '../../cells/gru-cell.js';
import { LstmCell } from '../../cells/lstm-cell.js';
import { PeepholeLstmCell } from '../../cells/peephole-lstm-cell.js';
import type { LstmState } from '../../cells/recurrent-cell.js';
import { runSequence } from '../../sequence/run-sequence.js';
import { StackedRnn } from '../../sequence/stacked-rnn.js';
import { fusedSequenceRunnerFor } from '../fused-sequence-registry.js';
import './register-wasm-sequences.js';
import { sequenceHeapBackend } from './wasm-sequence-heap.js';
import { expectFusedMatchesReference } from '../test/fused-parity-case.js';

const tolerance = { rtol: 1e-4, atol: 1e-5 };

describeEachBackend(
  'wasm fused sequence runner',
  () => {
    test('time 1, batch 1: values and gradients equal one cell.step', async () => {
      const cell = new LstmCell({ inputSize: 3, hiddenSize: 4, seed: 11 });
      const x = tf.randomNormal([1, 1, 3], 0, 1, 'float32', 1);
      const hidden = tf.randomNormal([1, 4], 0, 1, 'float32', 2) as tf.Tensor2D;
      const state = { hidden, cell: tf.randomNormal([1, 4], 0, 1, 'float32', 3) as tf.Tensor2D };
      const weights = Object.values(cell.weightVariables());
      const loss = (next: LstmState, output: tf.Tensor) =>
        tf.addN([tf.sum(tf.mul(output, 0.5)), tf.sum(tf.mul(next.cell, -2)), tf.sum(next.hidden)]) as tf.Scalar;
      const gradsOf = (f: (x: tf.Tensor, h: tf.Tensor, c: tf.Tensor) => tf.Scalar) =>
        tf.tidy(() => {
          const inputs = tf.grads(f)([x, state.hidden, state.cell]);
          const byWeight = tf.variableGrads(() => f(x, state.hidden, state.cell), weights as tf.Variable[]);
          return [...inputs, byWeight.value, ...weights.map((w) => byWeight.grads[w.name] as tf.Tensor)];
        });
      try {
        expect(fusedSequenceRunnerFor(cell as never, x, { initialState: state })?.name).toBe('wasm-fused-sequence');
        const fused = gradsOf((input, h, c) => {
          const result = runSequence(cell, input, {
            initialState: { hidden: h as tf.Tensor2D, cell: c as tf.Tensor2D },
          });
          return loss(result.finalState, result.outputs);
        });
        const reference = gradsOf((input, h, c) => {
          const next = cell.step(tf.reshape(input, [1, 3]), { hidden: h as tf.Tensor2D, cell: c as tf.Tensor2D });
          return loss(next, next.hidden);
        });
        for (const [k, grad] of reference.entries()) await expectTensorsClose(fused[k] as tf.Tensor, grad, tolerance);
        tf.dispose([fused, reference]);
      } finally {
        tf.dispose([x, state.hidden, state.cell]);
        cell.dispose();
      }
    });

    test('hardSigmoid, full peepholes, other activations, a rewritten step and int32 take the op-by-op path', () => {
      class DoubledLstm extends LstmCell {
        override stepProjected(projected: tf.Tensor2D, state: LstmState): LstmState {
          return super.stepProjected(tf.mul(projected, 2) as tf.Tensor2D, state);
        }
      }
      const x = tf.ones([1, 2, 3]);
      const cells = [
        new DoubledLstm({ inputSize: 3, hiddenSize: 2 }),
        new LstmCell({ inputSize: 3, hiddenSize: 2, recurrentActivation: 'hardSigmoid' }),
        new PeepholeLstmCell({ inputSize: 3, hiddenSize: 2, peephole: 'full' }),
        new ElmanCell({ inputSize: 3, hiddenSize: 2, activation: (t: tf.Tensor) => tf.sin(t) }),
      ];
      const gru = new GruCell({ inputSize: 3, hiddenSize: 2 });
      const hidden = tf.zeros([1, 2], 'int32') as tf.Tensor2D;
      const ints = tf.zeros([1, 2, 3], 'int32');
      try {
        for (const cell of cells) expect(fusedSequenceRunnerFor(cell as never, x, {})).toBeUndefined();
        expect(fusedSequenceRunnerFor(gru as never, x, {})?.name).toBe('wasm-fused-sequence');
        expect(fusedSequenceRunnerFor(gru as never, x, { initialState: { hidden } })).toBeUndefined();
        expect(fusedSequenceRunnerFor(gru as never, ints, {})).toBeUndefined();
      } finally {
        tf.dispose([x, hidden, ints]);
        for (const cell of [...cells, gru]) cell.dispose();
      }
    });

    test('forward, gradients, StackedRnn and failing calls (also inside the loop) leak no tensor', async () => {
      const lstm = new LstmCell({ inputSize: 3, hiddenSize: 4 });
      const gru = new GruCell({ inputSize: 4, hiddenSize: 2, resetAfter: false });
      const stack = new StackedRnn([lstm, gru]);
      const x = tf.randomNormal([2, 3, 3]);
      const mask = tf.tensor2d([
        [1, 1, 0],
        [1, 0, 0],
      ]);
      const wasm = sequenceHeapBackend()?.wasm as { _BatchMatMul: (...args: number[]) => void };
      try {
        await expectNoLeakedTensors(() => {
          const single = runSequence(lstm, x, { mask, reverse: true, returnSequences: false });
          const stacked = runSequence(stack, x, { mask });
          const outputs = [single.outputs, single.finalState, stacked.outputs, ...stacked.finalState];
          const grads = tf.grads((input: tf.Tensor) => tf.sum(runSequence(stack, input, { mask }).outputs))([x]);
          const weights = tf.variableGrads(() => tf.sum(runSequence(lstm, x).outputs) as tf.Scalar);
          return [outputs, grads, weights.value, weights.grads];
        });
        const badMask = tf.ones([2, 4]);
        const wide = tf.ones([2, 3, 4]);
        await expectNoLeakedTensors(() => {
          for (let k = 0; k < 3; k++) {
            expect(() => runSequence(lstm, x, { mask: badMask })).toThrow(
              /runSequence: expected mask of shape \[2,3\]/,
            );
            const failing = vi.spyOn(wasm, '_BatchMatMul').mockImplementation(() => {
              throw new Error('BatchMatMul failed');
            });
            try {
              expect(() => runSequence(lstm, x)).toThrow(/BatchMatMul failed/);
              expect(() => tf.grads((input: tf.Tensor) => tf.sum(runSequence(gru, input).outputs))([wide])).toThrow(
                /BatchMatMul failed/,
              );
            } finally {
              failing.mockRestore();
            }
          }
          return [];
        });
        tf.dispose([badMask, wide]);
        await expectFusedMatchesReference({
          cell: lstm as never,
          shape: [2, 3, 3],
          mask: [
            [1, 0, 1],
            [1, 1, 1],
          ],
        });
      } finally {
        tf.dispose([x, mask]);
        stack.dispose();
      }
    });

    test('a big call after a small one (the heap grows inside the call) is still right', async () => {
      const small = new GruCell({ inputSize: 3, hiddenSize: 4, seed: 3 });
      const big = new LstmCell({ inputSize: 8, hiddenSize: 96, seed: 4 });
      const heapBytes = () => sequenceHeapBackend()?.wasm.HEAPF32.buffer.byteLength ?? 0;
      try {
        expect(await expectFusedMatchesReference({ cell: small as never, shape: [2, 3, 3] })).toBe(
          'wasm-fused-sequence',
        );
        const before = heapBytes();
        // acts alone: 40 steps x 96 rows x 5 slots x 96 units x 4 bytes = 7.4 MB, with hs, cs, dP, dR: ~25 MB.
        const [batch, time] = [96, 40];
        const runner = await expectFusedMatchesReference(
          { cell: big as never, shape: [batch, time, 8], initialState: true },
          { rtol: 2e-4, atol: 2e-5 },
        );
        expect(runner).toBe('wasm-fused-sequence');
        expect(heapBytes()).toBeGreaterThan(before);
      } finally {
        small.dispose();
        big.dispose();
      }
    });
  },
  { backends: ['wasm'] },
);
