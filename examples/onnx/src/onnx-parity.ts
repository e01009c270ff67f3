import * as tf from '@tensorflow/tfjs-core';
import { predict, type Sequential } from '@baihua/core';
import { argMax, type OrtClassifier } from './ort-classifier.js';

/** What {@link onnxParity} found. */
export interface OnnxParity {
  /** Largest |ONNX Runtime logit - baihua logit| over every digit and class. */
  maxAbsDiff: number;
  /** Digits compared. */
  count: number;
  /** Digits whose predicted class differs between the two. */
  disagreements: number;
}

/**
 * Runs `count` examples (row-major in `images`, `exampleSize` values each) through the baihua
 * model on the active backend and through the exported model in ONNX Runtime, in batches of
 * `batchSize`, and compares the logits.
 *
 * @example
 * const { maxAbsDiff } = await onnxParity(model, ortModel, test.images, test.count);
 *
 * In plain words: the exported file and the trained model give the same scores.
 */
export async function onnxParity(
  model: Sequential,
  ortModel: OrtClassifier,
  images: Float32Array,
  count: number,
  batchSize = 256,
): Promise<OnnxParity> {
  const size = ortModel.exampleSize;
  let maxAbsDiff = 0;
  let disagreements = 0;
  for (let start = 0; start < count; start += batchSize) {
    const n = Math.min(batchSize, count - start);
    const batch = images.subarray(start * size, (start + n) * size);
    const x = tf.tensor(batch, [n, ...ortModel.exampleShape], 'float32');
    const logits = predict(model, x);
    const ours = (await logits.data()) as Float32Array;
    tf.dispose([x, logits]);
    const examples = Array.from({ length: n }, (_, i) => batch.subarray(i * size, (i + 1) * size));
    const theirs = await ortModel.run(examples);
    const classes = ours.length / n;
    theirs.forEach((row, i) => {
      const mine = ours.subarray(i * classes, (i + 1) * classes);
      for (let c = 0; c < classes; c++)
        maxAbsDiff = Math.max(maxAbsDiff, Math.abs((row[c] as number) - (mine[c] as number)));
      if (argMax(row) !== argMax(mine)) disagreements += 1;
    });
  }
  return { maxAbsDiff, count, disagreements };
}
