import * as tf from '@tensorflow/tfjs-core';
import { ArgumentError, describeShape, Layer, ShapeError } from '@baihua/core';

/**
 * What every attack and defence here works on: a core `Layer` (a Sequential, a graph Model) or a
 * plain function, mapping images [N, ...] to logits [N, K] (unnormalised class scores).
 *
 * In plain words: anything that looks at a batch of pictures and scores every class.
 */
export type Classifier = Layer | ((images: tf.Tensor) => tf.Tensor);

/** The classifier as a function of a batch (a Layer runs in inference mode). */
export function classifierFunction(fn: string, classifier: unknown): (images: tf.Tensor) => tf.Tensor {
  if (classifier instanceof Layer) return (images) => classifier.apply(images, { training: false }) as tf.Tensor;
  if (typeof classifier === 'function') return classifier as (images: tf.Tensor) => tf.Tensor;
  const got = classifier === null ? 'null' : typeof classifier;
  throw new ArgumentError(fn, `expected classifier to be a Layer or a function (images) => logits, got ${got}`);
}

/**
 * Runs `f` on `images` and checks the output is logits [N, K] with K >= 2 (N = images' rows);
 * throws `fn: expected the classifier's output ...` otherwise, disposing the output. Call inside
 * `tf.tidy` or dispose the result.
 */
export function checkedLogits(fn: string, f: (images: tf.Tensor) => tf.Tensor, images: tf.Tensor): tf.Tensor2D {
  const rows = images.shape[0] as number;
  const out: unknown = f(images);
  const isTensor =
    typeof out === 'object' && out !== null && Array.isArray((out as tf.Tensor).shape) && 'dispose' in out;
  const shape = isTensor ? (out as tf.Tensor).shape : undefined;
  if (shape === undefined || shape.length !== 2 || shape[0] !== rows || (shape[1] as number) < 2) {
    if (isTensor) (out as tf.Tensor).dispose();
    const got = shape === undefined ? `a ${typeof out}` : `shape ${describeShape(shape)}`;
    throw new ShapeError(
      fn,
      `expected the classifier's output for ${rows} image(s) to be logits [${rows}, K] with K >= 2, got ${got}`,
    );
  }
  return out as tf.Tensor2D;
}

/** Class indices of the largest logit per row: [N, K] -> number[N]. Disposes nothing it was given. */
export async function predictedClasses(logits: tf.Tensor2D): Promise<number[]> {
  const classes = tf.argMax(logits, 1);
  try {
    return Array.from(await classes.data());
  } finally {
    classes.dispose();
  }
}

/**
 * Predicted classes of `images` under `f`, in batches of `batchSize` rows (checked logits).
 * Returns the number of classes K too.
 */
export async function classify(
  fn: string,
  f: (images: tf.Tensor) => tf.Tensor,
  images: tf.Tensor,
  batchSize = 256,
): Promise<{ classes: number[]; numClasses: number }> {
  const rows = images.shape[0] as number;
  const classes: number[] = [];
  let numClasses = 0;
  for (let start = 0; start < rows; start += batchSize) {
    const size = Math.min(batchSize, rows - start);
    const logits = tf.tidy(() => checkedLogits(fn, f, sliceRows(images, start, size)));
    try {
      numClasses = logits.shape[1];
      classes.push(...(await predictedClasses(logits)));
    } finally {
      logits.dispose();
    }
  }
  return { classes, numClasses };
}

/** Rows [start, start + size) of a batch of any rank. */
export function sliceRows(x: tf.Tensor, start: number, size: number): tf.Tensor {
  const begin = x.shape.map((_, axis) => (axis === 0 ? start : 0));
  const sizes = x.shape.map((extent, axis) => (axis === 0 ? size : extent));
  return tf.slice(x, begin, sizes);
}
