import * as tf from '@tensorflow/tfjs-core';
import { predict, type Sequential } from '@baihua/core';
import type { OrtClassifier } from './ort-classifier.js';

/** Median of `repeats` timed calls of `run` (after `warmup` untimed ones), ms. */
export async function medianMs(run: () => Promise<unknown>, repeats = 20, warmup = 3): Promise<number> {
  for (let i = 0; i < warmup; i++) await run();
  const times: number[] = [];
  for (let i = 0; i < repeats; i++) {
    const started = performance.now();
    await run();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] as number;
}

/**
 * One batch of `batchSize` examples (the first ones in `images`), timed in ONNX Runtime and in the
 * baihua model on the active tfjs backend (prediction read back to the host, as a server must).
 *
 * @example const { ortMs, baihuaMs } = await timeBatch(model, ortModel, test.images);
 *
 * In plain words: how long each runtime takes for the same 64 digits.
 */
export async function timeBatch(
  model: Sequential,
  ortModel: OrtClassifier,
  images: Float32Array,
  batchSize = 64,
): Promise<{ ortMs: number; baihuaMs: number }> {
  const size = ortModel.exampleSize;
  const examples = Array.from({ length: batchSize }, (_, i) => images.subarray(i * size, (i + 1) * size));
  const x = tf.tensor(images.subarray(0, batchSize * size), [batchSize, ...ortModel.exampleShape], 'float32');
  try {
    const ortMs = await medianMs(() => ortModel.run(examples));
    const baihuaMs = await medianMs(async () => {
      const logits = predict(model, x);
      await logits.data();
      logits.dispose();
    });
    return { ortMs, baihuaMs };
  } finally {
    x.dispose();
  }
}
