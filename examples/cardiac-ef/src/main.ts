// The seed's cardiac pipeline (医疗影像: CT -> 3D-CNN -> LV segmentation -> EF -> report) on a SYNTHETIC
// cine phantom (no patient data installs here): trains a 3D U-Net-lite on the wasm backend and reports,
// on held-out cases, the Dice of the cavity, the EF error and the agreement of the seed's EF classes.
// Usage: pnpm start [--backend wasm|cpu|webgpu] [--train 30] [--test 20] [--epochs 4] [--seed 2026]
//                   [--learning-rate 5e-3] [--filters 4] [--batch-size 4] [--out-dir .] [--progress auto|lines|none]
import { parseArgs } from 'node:util';
import * as tf from '@tensorflow/tfjs-core';
import { useBackend, type BackendName } from '@baihua/core';
import { runExample } from './run-example.js';

const { values } = parseArgs({
  options: {
    backend: { type: 'string', default: 'wasm' },
    train: { type: 'string', default: '30' },
    test: { type: 'string', default: '20' },
    epochs: { type: 'string', default: '4' },
    seed: { type: 'string', default: '2026' },
    'learning-rate': { type: 'string', default: '5e-3' },
    filters: { type: 'string', default: '4' },
    'batch-size': { type: 'string', default: '4' },
    'out-dir': { type: 'string', default: '.' },
    progress: { type: 'string', default: 'auto' },
  },
});
const integer = (name: keyof typeof values, min: number): number => {
  const value = Number(values[name]);
  if (!Number.isInteger(value) || value < min)
    throw new Error(`--${name}: expected an integer >= ${min}, got ${values[name]}`);
  return value;
};
const learningRate = Number(values['learning-rate']);
if (!(learningRate > 0)) throw new Error(`--learning-rate: expected a number > 0, got ${values['learning-rate']}`);

const started = performance.now();
await useBackend(values.backend as BackendName);
const [train, test, epochs] = [integer('train', 1), integer('test', 1), integer('epochs', 1)];
console.log(
  `backend: ${tf.getBackend()}; SYNTHETIC phantom (not patient data): ${train} training cases, ${test} held-out ` +
    `cases, 16x20x20 voxels of 7x4.5x4.5 mm, 10-20 phases each`,
);
await runExample({
  train,
  test,
  epochs,
  seed: integer('seed', 0),
  learningRate,
  filters: integer('filters', 1),
  batchSize: integer('batch-size', 1),
  outDir: values['out-dir'] as string,
  progress: values.progress as 'auto',
});
console.log(`total time: ${((performance.now() - started) / 1000).toFixed(1)} s`);
