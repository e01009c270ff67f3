import * as tf from '@tensorflow/tfjs-core';
import { assertPositiveInteger } from '@baihua/core';
import { checkedLogits, type LogitsFunction } from './classifier.js';
import { checkLabelledImages, type LabelledImages } from './distill-options.js';

/**
 * Fraction of rows whose predicted class (argmax of the logits) is the label's:
 * accuracy = (1/N) sum_n [argmax_k f(x_n)_k = y_n]. x [N, ...]; y [N] int32 class indices or
 * [N, K] one-hot rows (the argmax is taken). Runs `batchSize` rows at a time; reads the device once.
 *
 * @example const accuracy = await classifierAccuracy('distillationReport', (x) => model.apply(x), test);
 *
 * In plain words: the share of test digits the model names right.
 */
export async function classifierAccuracy(
  fn: string,
  logitsOf: LogitsFunction,
  data: LabelledImages,
  batchSize = 256,
): Promise<number> {
  checkLabelledImages(fn, 'data', data);
  assertPositiveInteger(fn, 'batchSize', batchSize);
  const n = data.x.shape[0] as number;
  const hits = tf.tidy(() => {
    const truth = data.y.rank === 1 ? data.y : tf.argMax(data.y, -1);
    let total: tf.Tensor = tf.scalar(0);
    for (let start = 0; start < n; start += batchSize) {
      const size = Math.min(batchSize, n - start);
      const x = tf.slice(data.x, start, size);
      const predicted = tf.argMax(checkedLogits(fn, 'the classifier', logitsOf, x), -1);
      const right = tf.equal(tf.cast(predicted, 'int32'), tf.cast(tf.slice(truth, start, size), 'int32'));
      total = tf.add(total, tf.sum(tf.cast(right, 'float32')));
    }
    return total;
  });
  try {
    return ((await hits.data())[0] as number) / n;
  } finally {
    hits.dispose();
  }
}
