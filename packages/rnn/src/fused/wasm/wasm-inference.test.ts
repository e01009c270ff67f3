import * as tf from '@tensorflow/tfjs-core';
import { describeEachBackend, expectNoLeakedTensors, expectTensorsClose } from '@baihua/core/testing';
import { expect, test } from 'vitest';
import { CoupledLstmCell } from '../../cells/coupled-lstm-cell.js';
import { ElmanCell } from '../../cells/elman-cell.js';
import type { GatedCell } from '../../cells/gated-cell.js';
import { GruCell } from '../../cells/gru-cell.js';
import { LstmCell } from '../../cells/lstm-cell.js';
import { PeepholeLstmCell } from '../../cells/peephole-lstm-cell.js';
import type { RecurrentState } from '../../cells/recurrent-cell.js';
import { runSequence } from '../../sequence/run-sequence.js';
import { fusedSequenceRunnerFor, setFusedSequences } from '../fused-sequence-registry.js';
import './register-wasm-sequences.js';
import { recordingGradients } from './wasm-sequence-forward.js';

const cells: [string, () => GatedCell<RecurrentState>][] = [
  ['LSTM', () => new LstmCell({ inputSize: 3, hiddenSize: 5, seed: 1 })],
  ['peephole LSTM', () => new PeepholeLstmCell({ inputSize: 3, hiddenSize: 5, seed: 2 })],
  ['coupled LSTM', () => new CoupledLstmCell({ inputSize: 3, hiddenSize: 5, seed: 3 })],
  ['GRU, reset after', () => new GruCell({ inputSize: 3, hiddenSize: 5, seed: 4 })],
  ['GRU, reset before', () => new GruCell({ inputSize: 3, hiddenSize: 5, seed: 5, resetAfter: false })],
  ['Elman', () => new ElmanCell({ inputSize: 3, hiddenSize: 5, seed: 6 })],
];
const mask = tf.tensor2d(
  [
    [1, 1, 0, 1],
    [1, 0, 1, 1],
    [1, 1, 1, 1],
  ],
  undefined,
  'bool',
);

/** Outputs and final state, flattened into one list, on the chosen path. */
function outputsOf(cell: GatedCell<RecurrentState>, x: tf.Tensor, fused: boolean, reverse: boolean): tf.Tensor[] {
  const before = setFusedSequences(fused);
  try {
    const result = runSequence(cell, x, { mask, reverse });
    return [result.outputs, ...Object.values(result.finalState as unknown as Record<string, tf.Tensor>)];
  } finally {
    setFusedSequences(before);
  }
}

// Inference (no gradient being recorded) keeps one step-sized slot of gate values instead of T of
// them; its outputs must equal the op-by-op path's and the recorded path's (rtol 1e-5, atol 1e-6).
describeEachBackend(
  'wasm fused inference',
  () => {
    for (const [name, make] of cells) {
      test(`${name}: outside tf.grad equals op-by-op and the recorded run, masked, reversed`, async () => {
        const cell = make();
        const x = tf.randomNormal([3, 4, 3], 0, 1, 'float32', 9);
        try {
          expect(recordingGradients()).toBe(false);
          expect(fusedSequenceRunnerFor(cell as never, x, { mask })?.name).toBe('wasm-fused-sequence');
          for (const reverse of [false, true]) {
            const inference = outputsOf(cell, x, true, reverse);
            const reference = outputsOf(cell, x, false, reverse);
            let recorded: tf.Tensor[] = [];
            tf.grad((input: tf.Tensor) => {
              expect(recordingGradients()).toBe(true);
              recorded = outputsOf(cell, input, true, reverse).map((t) => tf.keep(tf.clone(t)));
              return tf.sum(recorded[0] as tf.Tensor);
            })(x).dispose();
            for (const [i, value] of inference.entries()) {
              await expectTensorsClose(value, reference[i] as tf.Tensor, { rtol: 1e-5, atol: 1e-6 });
              await expectTensorsClose(value, recorded[i] as tf.Tensor, { rtol: 1e-5, atol: 1e-6 });
            }
            tf.dispose([...inference, ...reference, ...recorded]);
          }
          await expectNoLeakedTensors(() => tf.dispose(outputsOf(cell, x, true, false)));
        } finally {
          x.dispose();
          cell.dispose();
        }
      });
    }
  },
  { backends: ['wasm'] },
);
