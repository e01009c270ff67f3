import * as tf from '@tensorflow/tfjs-core';

/**
 * Rows [start, start + size) of x along the first axis.
 *
 * @example
 * sliceRows(images, 64, 32); // images 64..95
 *
 * In plain words: a handful of images from the pile.
 */
export function sliceRows(x: tf.Tensor, start: number, size: number): tf.Tensor {
  return tf.slice(x, [start, ...x.shape.slice(1).map(() => 0)], [size, ...x.shape.slice(1).map(() => -1)]);
}

/**
 * Runs `run(start, size)` on consecutive batches of n rows and concatenates the results along the
 * first axis; the parts are freed, also when a batch throws. One batch: its result as it is.
 *
 * @example
 * const maps = concatBatches(n, 64, (start, size) => gradientOf(sliceRows(images, start, size)));
 *
 * In plain words: do the work a handful at a time and stack the answers.
 */
export function concatBatches(
  n: number,
  batchSize: number,
  run: (start: number, size: number) => tf.Tensor,
): tf.Tensor {
  if (n <= batchSize) return run(0, n);
  const parts: tf.Tensor[] = [];
  try {
    for (let start = 0; start < n; start += batchSize) parts.push(run(start, Math.min(batchSize, n - start)));
    return tf.concat(parts, 0);
  } finally {
    tf.dispose(parts);
  }
}

/**
 * A [rows, K] float32 tensor holding 1 at (i, classes[i]) and 0 elsewhere (built in JavaScript:
 * tfjs-wasm's OneHot ignores dtype float32).
 *
 * @example
 * oneHotRows([2, 0], 3); // [[0, 0, 1], [1, 0, 0]]
 *
 * In plain words: a row per image pointing at the class we explain.
 */
export function oneHotRows(classes: readonly number[], numClasses: number): tf.Tensor2D {
  const values = new Float32Array(classes.length * numClasses);
  classes.forEach((c, i) => {
    values[i * numClasses + c] = 1;
  });
  return tf.tensor2d(values, [classes.length, numClasses]);
}
