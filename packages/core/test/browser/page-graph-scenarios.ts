// Page scenarios of the graph Model in IndexedDB (browser-graph-storage.test.ts): a two-input
// model with a shared layer and attention is built in the page, saved, and after a page reload
// loaded again; Node compares the config and the outputs.
import * as tf from '@tensorflow/tfjs-core';
import {
  Attention,
  Dense,
  Model,
  input,
  loadModelFromIndexedDB,
  saveModelToIndexedDB,
  useBackend,
  type Layer,
  type SymbolicTensor,
} from '../../dist/browser/index.js';

/** Fixed inputs: query [2, 3, 4] and value [2, 5, 4], 2 sin(1.7 i + offset), the same in Node. */
function inputs(): tf.Tensor[] {
  const make = (shape: number[], offset: number) =>
    tf.tensor(
      Array.from({ length: shape.reduce((n, s) => n * s, 1) }, (_, i) => 2 * Math.sin(1.7 * i + offset)),
      shape,
    );
  return [make([2, 3, 4], 0.3), make([2, 5, 4], 1.1)];
}

async function outputsOf(model: Layer): Promise<number[][]> {
  const xs = inputs();
  const ys = model.applyMulti(xs);
  const values = await Promise.all(ys.map(async (y) => Array.from((await y.data()) as Float32Array)));
  tf.dispose([...xs, ...ys]);
  return values;
}

export const graphScenarios = {
  async saveGraphToIndexedDB(backend: string, key: string) {
    await useBackend(backend);
    const query = input({ shape: [3, 4], name: 'query' });
    const value = input({ shape: [5, 4], name: 'value' });
    const shared = new Dense({ units: 4, activation: 'tanh', seed: 61, name: 'shared_projection' });
    const [context, scores] = new Attention({ returnScores: true, name: 'attention' }).applyMulti([
      shared.apply(query),
      shared.apply(value),
    ]) as [SymbolicTensor, SymbolicTensor];
    const model = new Model({
      inputs: [query, value],
      outputs: { answer: new Dense({ units: 2, seed: 62, name: 'head' }).apply(context), scores },
      name: 'graph_in_browser',
    });
    await saveModelToIndexedDB(model, key);
    const result = { config: model.getConfig(), outputs: await outputsOf(model) };
    model.dispose();
    return result;
  },

  async loadGraphFromIndexedDB(backend: string, key: string) {
    await useBackend(backend);
    const before = tf.memory().numTensors;
    const loaded = await loadModelFromIndexedDB(key);
    const result = {
      type: loaded.typeName,
      config: loaded.getConfig(),
      outputs: await outputsOf(loaded),
    };
    loaded.dispose();
    return { ...result, leaked: tf.memory().numTensors - before };
  },
};
