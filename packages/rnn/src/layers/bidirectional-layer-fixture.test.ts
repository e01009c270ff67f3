import * as tf from '@tensorflow/tfjs-core';
import { type Layer, Model, Sequential, input, Embedding } from '@baihua/core';
import { describeEachBackend, expectNoLeakedTensors, expectTensorsClose } from '@baihua/core/testing';
import { loadTorchFixture } from '@baihua/test-fixtures';
import { expect, test } from 'vitest';
import { Bidirectional } from './bidirectional.js';
import { LSTM } from './lstm.js';
import './register-recurrent-layers.js';

// PyTorch's Embedding + packed bidirectional LSTM (sequenceModels.embedding_mask_bilstm), built from
// LAYERS as a Keras user writes it: core's Embedding({ maskZero: true }) and
// Bidirectional({ layer: new LSTM(...) }), in a graph Model and in a Sequential; the mask travels from
// the embedding to both directions. Tolerance: the fixture README's for gradients through recurrent
// chains, 1e-4 + 1e-3 max |e|.
const chain = { atol: 1e-4, rtol: 1e-3 };
const weightNames = ['kernel', 'recurrentKernel', 'bias'] as const;
const capitalized = { kernel: 'Kernel', recurrentKernel: 'RecurrentKernel', bias: 'Bias' } as const;
type Fixture = ReturnType<typeof loadTorchFixture>;

/** Copies the fixture's embedding matrix and both directions' LSTM weights into the layers. */
function setFixtureWeights(fixture: Fixture, embedding: Embedding, bis: Bidirectional[]): void {
  const assign = (layer: Layer, name: string, key: string) => {
    const value = fixture.tensor(key);
    layer.weight(name).assign(value);
    value.dispose();
  };
  assign(embedding, 'embeddings', 'embeddings');
  for (const bi of bis)
    for (const [direction, layer] of [
      ['forward', bi.forwardLayer],
      ['backward', bi.backwardLayer],
    ] as const)
      for (const n of weightNames) assign(layer.cell, n, `${direction}${capitalized[n]}`);
}

/** The LSTM weights of a Bidirectional in the fixture's gradient order: forward kernel, ..., backward bias. */
function lstmVariables(bi: Bidirectional): tf.Variable[] {
  return [bi.forwardLayer, bi.backwardLayer].flatMap((l) => weightNames.map((n) => l.cell.weight(n).read()));
}

const gradientKeys = ['dEmbeddings', 'Forward', 'Backward'].flatMap((d) =>
  d === 'dEmbeddings' ? [d] : weightNames.map((n) => `d${d}${capitalized[n]}`),
);

async function expectFixtureGradients(fixture: Fixture, gradients: tf.Tensor[]): Promise<void> {
  for (const [k, key] of gradientKeys.entries())
    await expectTensorsClose(gradients[k] as tf.Tensor, fixture.spec(key), chain).catch((error: Error) => {
      throw new Error(`${key}: ${error.message}`);
    });
}

function graphModel(fixture: Fixture) {
  const embedding = new Embedding({ inputDim: 7, outputDim: 4, maskZero: true, seed: 1 });
  const sequences = new Bidirectional({ layer: new LSTM({ units: 3, returnSequences: true }), seed: 2 });
  const ends = new Bidirectional({ layer: new LSTM({ units: 3 }), seed: 3 });
  const tokens = input({ shape: [5], dtype: 'int32', name: 'tokens' });
  const embedded = embedding.apply(tokens);
  const model = new Model({ inputs: tokens, outputs: { y: sequences.apply(embedded), final: ends.apply(embedded) } });
  setFixtureWeights(fixture, embedding, [sequences, ends]);
  return { model, embedding, sequences };
}

describeEachBackend('Embedding + mask + Bidirectional(LSTM) layers against PyTorch packed sequences', () => {
  test('graph Model: outputs (padded steps 0), the ends of both directions, gradients of each weight', async () => {
    const fixture = loadTorchFixture('sequenceModels', 'embedding_mask_bilstm');
    const { model, embedding, sequences } = graphModel(fixture);
    const ids = fixture.tensor('ids', 'int32');
    const dy = fixture.tensor('dy');
    try {
      const [y, final] = model.applyMulti(ids) as [tf.Tensor, tf.Tensor];
      await expectTensorsClose(y, fixture.spec('y'), chain);
      const padded = fixture.spec('mask').data.flatMap((m) => Array<number>(6).fill(m));
      expect(Array.from(await y.data()).filter((v, i) => padded[i] === 0 && v !== 0)).toEqual([]);
      const hidden = tf.concat([fixture.tensor('forwardHidden'), fixture.tensor('backwardHidden')], -1);
      await expectTensorsClose(final, hidden, chain);
      const variables = [embedding.weight('embeddings').read(), ...lstmVariables(sequences)];
      const loss = () => {
        const [out, other] = model.applyMulti(ids) as [tf.Tensor, tf.Tensor];
        other.dispose();
        return tf.sum(tf.mul(out, dy));
      };
      const gradients = tf.grads(loss)(variables);
      await expectFixtureGradients(fixture, gradients);
      tf.dispose([y, final, hidden, gradients]);
    } finally {
      tf.dispose([ids, dy]);
      model.dispose();
    }
  });

  test('Sequential: the same outputs and gradients of every weight; nothing leaks', async () => {
    const fixture = loadTorchFixture('sequenceModels', 'embedding_mask_bilstm');
    const embedding = new Embedding({ inputDim: 7, outputDim: 4, maskZero: true });
    const bi = new Bidirectional({ layer: new LSTM({ units: 3, returnSequences: true }), merge: 'concat' });
    const model = new Sequential({ seed: 4, layers: [embedding, bi] });
    const ids = fixture.tensor('ids', 'int32');
    const dy = fixture.tensor('dy');
    try {
      tf.dispose(model.apply(ids));
      setFixtureWeights(fixture, embedding, [bi]);
      const y = model.apply(ids);
      await expectTensorsClose(y, fixture.spec('y'), chain);
      const variables = model.trainableWeights().map((w) => w.read());
      expect(variables).toEqual([embedding.weight('embeddings').read(), ...lstmVariables(bi)]);
      const gradients = tf.grads(() => tf.sum(tf.mul(model.apply(ids), dy)))(variables);
      await expectFixtureGradients(fixture, gradients);
      tf.dispose([y, gradients]);
      await expectNoLeakedTensors(() => [
        model.apply(ids),
        tf.grads(() => tf.sum(tf.mul(model.apply(ids), dy)))(variables),
      ]);
    } finally {
      tf.dispose([ids, dy]);
      model.dispose();
    }
  });
});
