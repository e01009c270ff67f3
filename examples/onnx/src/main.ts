// LeNet-5 trained on the MNIST digits (wasm), exported to ONNX, checked and timed in onnxruntime-node,
// then served over HTTP with dynamic batching and load-tested on the loopback address.
// Usage: pnpm start [--epochs 5] [--limit 8000] [--test 2000] [--seed 2026] [--out model.onnx]
//                   [--requests 5000] [--concurrency 64] [--max-batch 64] [--max-wait 2]
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { useBackend } from '@baihua/core';
import { exportOnnx } from '@baihua/onnx';
import { trainLenet } from '@baihua/example-mnist-lenet/train-lenet';
import { timeBatch } from './batch-timing.js';
import { startDigitServer } from './digit-server.js';
import { formatLoadTest, runLoadTest } from './load-test.js';
import { onnxParity } from './onnx-parity.js';
import { openOrtClassifier } from './ort-classifier.js';

const { values } = parseArgs({
  options: {
    epochs: { type: 'string', default: '5' },
    limit: { type: 'string', default: '8000' },
    test: { type: 'string', default: '2000' },
    seed: { type: 'string', default: '2026' },
    out: { type: 'string', default: 'model.onnx' },
    requests: { type: 'string', default: '5000' },
    concurrency: { type: 'string', default: '64' },
    'max-batch': { type: 'string', default: '64' },
    'max-wait': { type: 'string', default: '2' },
  },
});
const count = (name: keyof typeof values) => {
  const value = Number(values[name]);
  if (!Number.isInteger(value) || value < 1)
    throw new Error(`--${name}: expected a positive integer, got ${values[name]}`);
  return value;
};

await useBackend('wasm');
const { model, testAccuracy, seconds, testSplit } = await trainLenet({
  train: count('limit'),
  test: count('test'),
  epochs: count('epochs'),
  seed: count('seed'),
  learningRate: 2e-3,
  progress: 'none',
});
console.log(`trained LeNet-5 on wasm in ${seconds.toFixed(1)} s: test accuracy ${(100 * testAccuracy).toFixed(2)}%`);

const bytes = await exportOnnx(model);
writeFileSync(values.out, bytes);
console.log(`exported ${values.out}: ${bytes.length} bytes`);

const ortModel = await openOrtClassifier(bytes, [32, 32, 1]);
const parity = await onnxParity(model, ortModel, testSplit.images, testSplit.count);
console.log(`onnx parity: max |diff| ${parity.maxAbsDiff.toExponential(2)} over ${parity.count} digits`);
console.log(`predicted classes that differ: ${parity.disagreements}`);
const { ortMs, baihuaMs } = await timeBatch(model, ortModel, testSplit.images);
console.log(`onnxruntime-node: ${ortMs.toFixed(2)} ms per batch of 64, baihua wasm: ${baihuaMs.toFixed(2)} ms`);

const server = await startDigitServer(ortModel, {
  maxBatchSize: count('max-batch'),
  maxWaitMs: Number(values['max-wait']),
});
const size = ortModel.exampleSize;
const bodies = Array.from({ length: testSplit.count }, (_, i) =>
  JSON.stringify({ pixels: Array.from(testSplit.images.subarray(i * size, (i + 1) * size)) }),
);
const result = await runLoadTest(`${server.url}/predict`, {
  requests: count('requests'),
  concurrency: count('concurrency'),
  body: (i) => bodies[i % bodies.length] as string,
});
const batches = server.batcher.batchSizes;
const meanBatch = batches.reduce((a, b) => a + b, 0) / batches.length;
console.log(`load test on ${server.url}: ${formatLoadTest(result)}`);
console.log(
  `statuses ${JSON.stringify(result.statuses)}; ${batches.length} batches, mean size ${meanBatch.toFixed(1)}`,
);
await server.close();
await ortModel.release();
model.dispose();
