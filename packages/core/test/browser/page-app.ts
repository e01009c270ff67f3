// The page the browser tests drive: core's browser build (dist/browser) with tfjs-core and the three
// backends, bundled by esbuild as a user's bundler would. Each scenario returns plain JSON.
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import '@tensorflow/tfjs-backend-webgpu';
import {
  Adam,
  Dense,
  Sequential,
  deleteModelFromIndexedDB,
  describeBackends,
  downloadModel,
  fit,
  lineChartPng,
  listModelsInIndexedDB,
  loadModelFromFiles,
  loadModelFromIndexedDB,
  predict,
  saveModelToIndexedDB,
  serializeModel,
  useBackend,
  type Layer,
} from '../../dist/browser/index.js';
import { graphScenarios } from './page-graph-scenarios.js';
import { optionScenarios } from './page-option-scenarios.js';

setWasmPaths('/wasm/');

const probeValues = [
  [0.5, -1, 2],
  [0, 0.25, -0.75],
  [3, 1, -2],
];
const xs = [
  [0, 0, 1],
  [0, 1, 0],
  [1, 0, 0],
  [1, 1, 1],
  [0.5, 0.5, 0],
  [0, 0.5, 0.5],
];

async function fingerprint(
  model: Layer,
): Promise<{ predictions: number[]; weightsSha256: string; weightsByteLength: number }> {
  const probe = tf.tensor2d(probeValues);
  const out = predict(model, probe);
  probe.dispose();
  const predictions = Array.from((await out.data()) as Float32Array);
  out.dispose();
  const { weights } = await serializeModel(model);
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', weights));
  return {
    predictions,
    weightsSha256: Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join(''),
    weightsByteLength: weights.byteLength,
  };
}

function errorMessage(error: unknown): string {
  return `${(error as Error).name}: ${(error as Error).message}`;
}

let model: Layer | undefined;

const scenarios = {
  ...optionScenarios,
  ...graphScenarios,

  async backends() {
    return describeBackends();
  },

  // Selects the backend, trains a small model briefly and keeps it for the storage scenarios.
  async train(backend: string) {
    const selected = await useBackend(backend);
    model?.dispose();
    const before = tf.memory().numTensors;
    model = new Sequential({
      seed: 7,
      layers: [new Dense({ units: 8, activation: 'relu', kernelInitializer: 'heNormal' }), new Dense({ units: 2 })],
    });
    const x = tf.tensor2d(xs);
    const y = tf.tensor2d(xs.map(([a = 0, b = 0, c = 0]) => [a + b + c, a - c]));
    const optimizer = new Adam({ learningRate: 0.05 });
    const history = await fit(
      model,
      { x, y },
      {
        loss: (labels, predictions) => tf.losses.meanSquaredError(labels, predictions),
        optimizer,
        epochs: 40,
        batchSize: 6,
        progress: 'none',
      },
    );
    optimizer.dispose();
    tf.dispose([x, y]);
    // Everything fit made is gone once the optimiser state is freed: only the model's weights remain.
    const leaked = tf.memory().numTensors - before - model.weights().length;
    const loss = history.get('loss');
    return {
      backend: selected.backend,
      firstLoss: loss[0],
      lastLoss: loss[loss.length - 1],
      leaked,
      ...(await fingerprint(model)),
    };
  },

  // On a fresh page, before wasm was initialised: the option cannot reach the bundled backend.
  async wasmPathsOption() {
    try {
      await useBackend('wasm', { wasmPaths: '/elsewhere/' });
      return 'selected (should have failed)';
    } catch (error) {
      return errorMessage(error);
    }
  },

  // A PNG chart drawn in the page, returned as bytes (Node draws the same one to compare).
  async chartPng(values: number[]) {
    return Array.from(lineChartPng([{ name: 'loss', values }], { title: 'Loss', xLabel: 'epoch', logY: true }));
  },

  async saveToIndexedDB(key: string) {
    if (!model) throw new Error('train first');
    const info = await saveModelToIndexedDB(model, key);
    return { info, ...(await fingerprint(model)) };
  },

  async loadFromIndexedDB(backend: string, key: string) {
    await useBackend(backend);
    const before = tf.memory().numTensors;
    const loaded = await loadModelFromIndexedDB(key);
    const result = await fingerprint(loaded);
    loaded.dispose();
    return { ...result, numTensorsAfterDispose: tf.memory().numTensors - before };
  },

  async listAndDelete(key: string) {
    const listed = await listModelsInIndexedDB();
    const deleted = await deleteModelFromIndexedDB(key);
    const deletedAgain = await deleteModelFromIndexedDB(key);
    return { listed, deleted, deletedAgain, after: await listModelsInIndexedDB() };
  },

  // Damaged and hostile records written straight into the store: each load must fail clearly and leave no tensors.
  async damagedRecords() {
    if (!model) throw new Error('train first');
    await saveModelToIndexedDB(model, 'good');
    const good = await new Promise<{ topology: string; weights: ArrayBuffer }>((resolve, reject) => {
      const open = indexedDB.open('baihua-models');
      open.onsuccess = () => {
        const request = open.result.transaction('models').objectStore('models').get('good');
        request.onsuccess = () => {
          open.result.close();
          resolve(request.result);
        };
        request.onerror = () => reject(request.error);
      };
    });
    const topology = JSON.parse(good.topology);
    const withNaN = good.weights.slice(0);
    new DataView(withNaN).setFloat32(0, Number.NaN, true);
    const records: Record<string, unknown> = {
      notAModel: { hello: 'world' },
      truncated: { ...good, weights: good.weights.slice(0, good.weights.byteLength - 4) },
      unknownLayer: {
        ...good,
        topology: JSON.stringify({ ...topology, model: { ...topology.model, type: 'EvilLayer' } }),
      },
      prototypeKey: { ...good, topology: good.topology.replace('"format"', '"__proto__":{"polluted":true},"format"') },
      notJson: { ...good, topology: '{"format": "baihua-model",' },
      nonFinite: { ...good, weights: withNaN },
    };
    await new Promise<void>((resolve, reject) => {
      const open = indexedDB.open('baihua-models');
      open.onsuccess = () => {
        const transaction = open.result.transaction('models', 'readwrite');
        for (const [key, value] of Object.entries(records)) transaction.objectStore('models').put(value, key);
        transaction.oncomplete = () => {
          open.result.close();
          resolve();
        };
        transaction.onerror = () => reject(transaction.error);
      };
    });
    const before = tf.memory().numTensors;
    const messages: Record<string, string> = {};
    for (const key of [...Object.keys(records), 'missing']) {
      try {
        await loadModelFromIndexedDB(key);
        messages[key] = 'loaded (should have failed)';
      } catch (error) {
        messages[key] = errorMessage(error);
      }
    }
    const allowed = await loadModelFromIndexedDB('nonFinite', { allowNonFinite: true });
    messages.nonFiniteAllowed = `loaded, first weight ${(await allowed.weights()[0]?.read().data())?.[0]}`;
    allowed.dispose();
    for (const call of [
      () => saveModelToIndexedDB(model as Layer, ''),
      () => loadModelFromIndexedDB('good', { databaseName: '' }),
    ]) {
      try {
        await call();
      } catch (error) {
        messages[`badArgument${Object.keys(messages).length}`] = errorMessage(error);
      }
    }
    return {
      messages,
      leaked: tf.memory().numTensors - before,
      polluted: ({} as { polluted?: boolean }).polluted === true,
    };
  },

  async download(topology?: string, weights?: string) {
    if (!model) throw new Error('train first');
    await downloadModel(model, topology && weights ? { fileNames: { topology, weights } } : {});
    return fingerprint(model);
  },

  async loadFromPickedFiles() {
    const input = document.querySelector<HTMLInputElement>('#files');
    if (!input?.files) throw new Error('no file input');
    const loaded = await loadModelFromFiles(input.files);
    const result = await fingerprint(loaded);
    loaded.dispose();
    let wrongPick = '';
    try {
      await loadModelFromFiles([...Array.from(input.files), ...Array.from(input.files)]);
    } catch (error) {
      wrongPick = errorMessage(error);
    }
    return { ...result, wrongPick };
  },
};

(globalThis as { baihuaPage?: typeof scenarios }).baihuaPage = scenarios;
document.title = 'ready';
