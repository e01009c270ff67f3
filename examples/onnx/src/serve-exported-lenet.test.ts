import * as tf from '@tensorflow/tfjs-core';
import { Agent } from 'node:http';
import { expect, test } from 'vitest';
import { predict, useBackend } from '@baihua/core';
import { requiredOnCi, reportUnavailable } from '@baihua/core/testing';
import { exportOnnx } from '@baihua/onnx';
import { trainLenet } from '@baihua/example-mnist-lenet/train-lenet';
import { startDigitServer } from './digit-server.js';
import { formatLoadTest, post, runLoadTest } from './load-test.js';
import { onnxParity } from './onnx-parity.js';
import { argMax, openOrtClassifier } from './ort-classifier.js';

const unavailable = await import('onnxruntime-node').then(
  () => undefined,
  (error: unknown) => `onnxruntime-node cannot load: ${String(error).split('\n')[0]}`,
);

if (unavailable) {
  reportUnavailable('onnxruntime-node', unavailable, requiredOnCi('BAIHUA_REQUIRE_ONNXRUNTIME'));
} else {
  // A LeNet-5 trained briefly on real digits on wasm (the example's backend), exported, then served.
  test('exported LeNet in onnxruntime-node: parity; 3,000 served requests answered as the model would', async () => {
    await useBackend('wasm');
    const { model, testSplit } = await trainLenet({ train: 600, test: 400, epochs: 2, seed: 7, progress: 'none' });
    const ortModel = await openOrtClassifier(await exportOnnx(model), [32, 32, 1]);
    const server = await startDigitServer(ortModel, { maxBatchSize: 64, maxWaitMs: 2, timeoutMs: 5000 });
    try {
      const parity = await onnxParity(model, ortModel, testSplit.images, testSplit.count);
      expect(parity.maxAbsDiff).toBeLessThan(1e-4);
      // The model's own answers: baihua's logits for every test digit (an independent runtime).
      const x = tf.tensor(testSplit.images, [testSplit.count, 32, 32, 1]);
      const logits = predict(model, x);
      const expected = (await logits.data()) as Float32Array;
      tf.dispose([x, logits]);
      const size = ortModel.exampleSize;
      const bodies = Array.from({ length: testSplit.count }, (_, i) =>
        JSON.stringify({ pixels: Array.from(testSplit.images.subarray(i * size, (i + 1) * size)) }),
      );
      const result = await runLoadTest(`${server.url}/predict`, {
        requests: 3000,
        concurrency: 64,
        body: (i) => bodies[i % bodies.length] as string,
      });
      const batches = server.batcher.batchSizes;
      console.log(`load test: ${formatLoadTest(result)}; ${batches.length} batches for ${result.requests} requests`);
      expect(result.statuses).toEqual({ 200: 3000 });
      for (const answer of result.answers) {
        const digit = answer.index % testSplit.count;
        const mine = expected.subarray(digit * 10, (digit + 1) * 10);
        const { digit: served, logits: servedLogits } = JSON.parse(answer.body) as { digit: number; logits: number[] };
        const worst = Math.max(...servedLogits.map((v, c) => Math.abs(v - (mine[c] as number))));
        expect(worst).toBeLessThan(1e-4);
        const sorted = [...mine].sort((a, b) => b - a);
        if ((sorted[0] as number) - (sorted[1] as number) > 1e-4) expect(served).toBe(argMax(mine));
      }
      expect(batches.length).toBeLessThan(result.requests / 4); // requests really were batched
      const agent = new Agent();
      const bad = await Promise.all(
        ['{"pixels": [1, 2]}', 'not json', `{"pixels": [${'1e999,'.repeat(1023)}0]}`].map((body) =>
          post(`${server.url}/predict`, body, agent),
        ),
      );
      agent.destroy();
      expect(bad.map((answer) => answer.status)).toEqual([400, 400, 400]);
    } finally {
      await server.close();
      await ortModel.release();
      model.dispose();
    }
  }, 120_000);
}
