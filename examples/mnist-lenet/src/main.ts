// LeNet-5 on 8,000 real MNIST digits (padded to 32x32), tested on 2,000 held out, on the wasm backend.
// Usage: pnpm start [--backend wasm|cpu|webgpu] [--epochs 30] [--limit 8000] [--test 2000] [--seed 2026]
//                   [--pooling max|avg|l2|mixed]
//   [--batch-norm true|false] [--learning-rate 2e-3] [--dropout 0.2] [--out-dir .] [--progress auto|lines|none]
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import * as tf from '@tensorflow/tfjs-core';
import { useBackend, type BackendName } from '@baihua/core';
import { side } from './load-digits.js';
import { normalise, tileSvg } from './pictures.js';
import { trainLenet } from './train-lenet.js';

const { values } = parseArgs({
  options: {
    backend: { type: 'string', default: 'wasm' },
    epochs: { type: 'string', default: '30' },
    limit: { type: 'string', default: '8000' },
    seed: { type: 'string', default: '2026' },
    pooling: { type: 'string', default: 'max' },
    'batch-norm': { type: 'string', default: 'true' },
    'learning-rate': { type: 'string', default: '2e-3' },
    dropout: { type: 'string', default: '0.2' },
    test: { type: 'string' },
    'out-dir': { type: 'string', default: '.' },
    progress: { type: 'string', default: 'auto' },
  },
});
const epochs = Number(values.epochs);
const train = Number(values.limit);
if (!Number.isInteger(epochs) || epochs < 1)
  throw new Error(`--epochs: expected a positive integer, got ${values.epochs}`);
if (!Number.isInteger(train) || train < 10 || train > 8000)
  throw new Error(`--limit: expected an integer in [10, 8000], got ${values.limit}`);
const test = values.test === undefined ? Math.min(2000, Math.max(10, Math.round(train / 4))) : Number(values.test);
if (!Number.isInteger(test) || test < 10 || train + test > 10000)
  throw new Error(`--test: expected an integer >= 10 with train + test <= 10000, got ${values.test}`);
const pooling = values.pooling as 'max' | 'avg' | 'l2' | 'mixed';

await useBackend(values.backend as BackendName);
console.log(
  `backend: ${tf.getBackend()}, ${train} training digits, ${test} test digits, ${epochs} epochs, ` +
    `pooling ${pooling}, batch norm ${values['batch-norm']}, lr ${values['learning-rate']}, dropout ${values.dropout}`,
);
const result = await trainLenet({
  train,
  test,
  epochs,
  seed: Number(values.seed),
  pooling,
  batchNorm: values['batch-norm'] !== 'false',
  learningRate: Number(values['learning-rate']),
  dropout: Number(values.dropout),
  progress: values.progress as 'auto',
});
const { model, history, testAccuracy, seconds, mistakes, testSplit } = result;
console.log(model.summary());
const perEpoch = history.get('seconds');
const meanEpoch = perEpoch.reduce((a, b) => a + b, 0) / perEpoch.length;
console.log(`training time: ${seconds.toFixed(1)} s (${meanEpoch.toFixed(2)} s per epoch, validation included)`);

// Pictures: the six 5x5 filters of C1, and the first misclassified held-out digits.
const kernel = (model.layers[0] as (typeof model.layers)[number]).weights()[0]?.variable as tf.Tensor;
const weights = await kernel.data(); // [5, 5, 1, 6]
const filters = Array.from({ length: 6 }, (_, f) => ({
  values: normalise(Array.from({ length: 25 }, (_, p) => weights[p * 6 + f] as number)),
  width: 5,
  height: 5,
  caption: `filter ${f + 1}`,
}));
const filtersFile = join(values['out-dir'], 'first-layer-filters.svg');
writeFileSync(
  filtersFile,
  tileSvg('LeNet-5 C1: six learnt 5x5 filters (black -, white +)', filters, { columns: 6, scale: 14 }),
);
const shown = mistakes.slice(0, 16).map((m) => ({
  values: testSplit.images.subarray(m.index * side * side, (m.index + 1) * side * side),
  width: side,
  height: side,
  caption: `${m.truth} read as ${m.predicted}`,
}));
const mistakesFile = join(values['out-dir'], 'misclassified-digits.svg');
writeFileSync(
  mistakesFile,
  tileSvg(`Held-out digits LeNet-5 gets wrong (${mistakes.length} of ${test}; first ${shown.length})`, shown, {
    columns: 8,
    scale: 3,
  }),
);
console.log(`pictures: ${filtersFile}, ${mistakesFile}`);
console.log(`test accuracy: ${(100 * testAccuracy).toFixed(2)}%`);
model.dispose();
