// Page scenarios of the option round trip through IndexedDB (browser-option-round-trip.test.ts):
// a model is built in the page from a spec of core layers with non-default options, saved, and
// after a page reload loaded again; Node compares the loaded config with the options it sent.
import * as tf from '@tensorflow/tfjs-core';
import {
  BatchNorm,
  Dense,
  Dropout,
  Flatten,
  GroupNorm,
  LayerNorm,
  Masking,
  RepeatVector,
  Reshape,
  Residual,
  Sequential,
  TimeDistributed,
  loadModelFromIndexedDB,
  saveModelToIndexedDB,
  useBackend,
  type Layer,
} from '../../dist/browser/index.js';

/** A layer's type and options, children (`layers`, `body`, `layer`) as specs: plain JSON sent from Node. */
export type LayerSpec = {
  type: string;
  layers?: LayerSpec[];
  body?: LayerSpec;
  layer?: LayerSpec;
  [option: string]: unknown;
};

const coreLayers: Record<string, new (options: never) => Layer> = {
  BatchNorm,
  Dense,
  Dropout,
  Flatten,
  GroupNorm,
  LayerNorm,
  Masking,
  RepeatVector,
  Reshape,
  Residual,
  Sequential,
  TimeDistributed,
};

function construct({ type, ...options }: LayerSpec): Layer {
  const Class = coreLayers[type];
  if (!Class) throw new Error(`no core layer ${type}`);
  const given: Record<string, unknown> = { ...options };
  if (options.layers) given.layers = options.layers.map(construct);
  if (options.body) given.body = construct(options.body);
  if (options.layer) given.layer = construct(options.layer);
  return new Class(given as never);
}

/** A fixed input of `shape`: 2 sin(1.7 i + 0.3), the same in Node. */
function inputOf(shape: number[]): tf.Tensor {
  const size = shape.reduce((n, s) => n * s, 1);
  return tf.tensor(
    Array.from({ length: size }, (_, i) => 2 * Math.sin(1.7 * i + 0.3)),
    shape,
  );
}

async function outputsOf(layer: Layer, shape: number[]): Promise<number[]> {
  const x = inputOf(shape);
  const y = layer.apply(x);
  const values = Array.from((await y.data()) as Float32Array);
  tf.dispose([x, y]);
  return values;
}

export const optionScenarios = {
  // Builds the model, runs it once in training mode (running statistics move), saves it.
  async saveSpecToIndexedDB(backend: string, spec: LayerSpec, shape: number[], key: string) {
    await useBackend(backend);
    const built = construct(spec);
    const x = inputOf(shape);
    tf.dispose(built.apply(x, { training: true }));
    x.dispose();
    await saveModelToIndexedDB(built, key);
    const outputs = await outputsOf(built, shape);
    built.dispose();
    return { outputs };
  },

  async loadSpecFromIndexedDB(backend: string, key: string, shape: number[]) {
    await useBackend(backend);
    const before = tf.memory().numTensors;
    const loaded = await loadModelFromIndexedDB(key);
    const result = { config: loaded.getConfig(), outputs: await outputsOf(loaded, shape) };
    loaded.dispose();
    return { ...result, leaked: tf.memory().numTensors - before };
  },
};
