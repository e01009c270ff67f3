// Trains the LeNet-5 the Digits page starts with, once, in Node on the wasm backend, with the recipe
// of examples/mnist-lenet (batch norm, dropout 0.2, Adam 2e-3 with cosine decay, 2-px shifts), on the
// first 8,000 digits of the seeded split; the last 2,000 are held out (and are the page's test digits).
// Writes models/lenet5/model.json + weights.bin (core's saveModel), which the site serves under models/.
// Usage: pnpm --filter @baihua/example-web train-pretrained [--epochs 12]
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { saveModel, useBackend } from '@baihua/core';
import { trainLenet } from '@baihua/example-mnist-lenet/train-lenet';

const { values } = parseArgs({ options: { epochs: { type: 'string', default: '12' } } });
await useBackend('wasm');
const result = await trainLenet({
  train: 8000,
  test: 2000,
  epochs: Number(values.epochs),
  seed: 2026,
  batchNorm: true,
  learningRate: 2e-3,
  progress: 'lines',
});
const folder = fileURLToPath(new URL('../models/lenet5', import.meta.url));
await saveModel(result.model, folder);
console.log(
  `held-out accuracy ${(100 * result.testAccuracy).toFixed(2)}% (${result.mistakes.length} of 2000 wrong), ` +
    `${result.seconds.toFixed(0)} s; saved in ${folder}`,
);
result.model.dispose();
