import * as tf from '@tensorflow/tfjs-core';
import { describeEachBackend, expectNoLeakedTensors, expectTensorsClose } from '@baihua/core/testing';
import { loadTorchFixture } from '@baihua/test-fixtures';
import { expect, test } from 'vitest';
import { LstmCell } from '../cells/lstm-cell.js';
import { BidirectionalCells } from '../sequence/bidirectional-cells.js';
import { runSequence } from '../sequence/run-sequence.js';

// PyTorch's Embedding + packed bidirectional LSTM (sequenceModels.embedding_mask_bilstm), computed
// here from the parts: a gather for the embedding, the mask ids != 0, runSequence of a BidirectionalCells
// of two LstmCells. The fixture stores the LSTM weights in the cells' own (Keras) layout.
// Tolerance: the fixture README's for gradients through recurrent chains, 1e-4 + 1e-3 max |e|.
const chain = { atol: 1e-4, rtol: 1e-3 };
const weightNames = ['kernel', 'recurrentKernel', 'bias'] as const;
type BiLstm = BidirectionalCells<LstmCell, LstmCell>;
const capitalized = { kernel: 'Kernel', recurrentKernel: 'RecurrentKernel', bias: 'Bias' } as const;

function loadCase() {
  const fixture = loadTorchFixture('sequenceModels', 'embedding_mask_bilstm');
  const cellOf = (direction: 'forward' | 'backward') => {
    const weights = Object.fromEntries(weightNames.map((n) => [n, fixture.tensor(`${direction}${capitalized[n]}`)]));
    const cell = new LstmCell({ weights: weights as { kernel: tf.Tensor; recurrentKernel: tf.Tensor } });
    tf.dispose(Object.values(weights));
    return cell;
  };
  const layer = new BidirectionalCells({ forward: cellOf('forward'), backward: cellOf('backward'), merge: 'concat' });
  const ids = fixture.tensor('ids', 'int32');
  return { fixture, layer, ids, embeddings: fixture.tensor('embeddings'), dy: fixture.tensor('dy') };
}

/**
 * The forward pass under test: embed, mask = ids != 0, run both directions with the mask.
 * `embed: 'gather'` is tf.gather; `'oneHot'` is oneHot(ids) @ embeddings, the same values, for the
 * gradient tests: tf.gather's gradient needs UnsortedSegmentSum, which tfjs-backend-wasm 4.22 lacks.
 */
function embedAndRun(layer: BiLstm, ids: tf.Tensor, embeddings: tf.Tensor, embed: 'gather' | 'oneHot') {
  const run = () => {
    const vocab = embeddings.shape[0] as number;
    const x =
      embed === 'gather'
        ? tf.gather(embeddings, ids)
        : tf.reshape(tf.matMul(tf.oneHot(tf.reshape(ids, [-1]), vocab), embeddings), [...ids.shape, -1]);
    return runSequence(layer, x, { mask: tf.notEqual(ids, 0) });
  };
  return tf.tidy(run as never) as unknown as ReturnType<BiLstm['run']>;
}

describeEachBackend('Embedding + mask + Bidirectional LSTM against PyTorch packed sequences', () => {
  test('outputs (padded steps 0) and final states of both directions', async () => {
    const { fixture, layer, ids, embeddings, dy } = loadCase();
    try {
      const { outputs, finalState } = embedAndRun(layer, ids, embeddings, 'gather');
      const viaOneHot = embedAndRun(layer, ids, embeddings, 'oneHot');
      await expectTensorsClose(viaOneHot.outputs, outputs, { atol: 1e-6, rtol: 0 });
      tf.dispose(viaOneHot as never);
      await expectTensorsClose(outputs, fixture.spec('y'), chain);
      const padded = fixture.spec('mask').data.flatMap((m) => Array<number>(6).fill(m));
      const values = await outputs.data();
      expect(Array.from(values).filter((v, i) => padded[i] === 0 && v !== 0)).toEqual([]);
      await expectTensorsClose(finalState.forward.hidden, fixture.spec('forwardHidden'), chain);
      await expectTensorsClose(finalState.forward.cell, fixture.spec('forwardCell'), chain);
      await expectTensorsClose(finalState.backward.hidden, fixture.spec('backwardHidden'), chain);
      await expectTensorsClose(finalState.backward.cell, fixture.spec('backwardCell'), chain);
      tf.dispose([outputs, finalState as never]);
    } finally {
      tf.dispose([ids, embeddings, dy]);
      layer.dispose();
    }
  });

  test('gradients of sum(y * dy) for the embedding matrix (row 0 exactly 0) and every LSTM weight', async () => {
    const { fixture, layer, ids, embeddings, dy } = loadCase();
    const directions = ['forward', 'backward'] as const;
    const weights = directions.flatMap((d) => weightNames.map((n) => layer[d].weight(n).read()));
    try {
      const loss = (e: tf.Tensor) => tf.sum(tf.mul(embedAndRun(layer, ids, e, 'oneHot').outputs, dy));
      const gradients = tf.grads((e: tf.Tensor, ..._cellWeights: tf.Tensor[]) => loss(e))([embeddings, ...weights]);
      await expectTensorsClose(gradients[0] as tf.Tensor, fixture.spec('dEmbeddings'), chain);
      expect(Array.from((await (gradients[0] as tf.Tensor).data()).slice(0, 4))).toEqual([0, 0, 0, 0]);
      const keys = directions.flatMap((d) =>
        weightNames.map((n) => `d${d === 'forward' ? 'Forward' : 'Backward'}${capitalized[n]}`),
      );
      for (const [k, key] of keys.entries()) {
        await expectTensorsClose(gradients[k + 1] as tf.Tensor, fixture.spec(key), chain).catch((error: Error) => {
          throw new Error(`${key}: ${error.message}`);
        });
      }
      tf.dispose(gradients);
    } finally {
      tf.dispose([ids, embeddings, dy]);
      layer.dispose();
    }
  });

  test('forward and backward passes leave no tensors behind', async () => {
    const { layer, ids, embeddings, dy } = loadCase();
    try {
      await expectNoLeakedTensors(() => {
        const run = embedAndRun(layer, ids, embeddings, 'gather');
        const gradients = tf.grads((e: tf.Tensor) => tf.sum(tf.mul(embedAndRun(layer, ids, e, 'oneHot').outputs, dy)))([
          embeddings,
        ]);
        return [run as never, gradients];
      });
    } finally {
      tf.dispose([ids, embeddings, dy]);
      layer.dispose();
    }
  });
});
