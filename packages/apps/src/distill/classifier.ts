import * as tf from '@tensorflow/tfjs-core';
import { ArgumentError, ShapeError, describeShape, type Layer } from '@baihua/core';

/**
 * A teacher: a core model or layer (run with `apply`, inference mode) or a plain function,
 * images [N, ...] -> logits [N, K].
 *
 * In plain words: any black box that scores each image for each class.
 */
export type TeacherClassifier = Layer | ((images: tf.Tensor) => tf.Tensor);

/** A classifier as a plain function images [N, ...] -> logits [N, K]. */
export type LogitsFunction = (images: tf.Tensor) => tf.Tensor;

/**
 * The classifier as a plain function; throws `fn: expected <argument> to be a model (with apply) or
 * a function, got ...` for anything else.
 *
 * @example
 * const logitsOf = logitsFunctionOf('distill', 'teacher', model); // x => model.apply(x)
 *
 * In plain words: whatever was handed in, something we can call on images.
 */
export function logitsFunctionOf(fn: string, argument: string, classifier: unknown): LogitsFunction {
  if (typeof classifier === 'function') return classifier as LogitsFunction;
  const apply = (classifier as { apply?: unknown } | null)?.apply;
  if (typeof classifier === 'object' && classifier !== null && typeof apply === 'function')
    return (images) => (classifier as Layer).apply(images);
  const got = classifier === null ? 'null' : typeof classifier;
  throw new ArgumentError(fn, `expected ${argument} to be a model (with apply) or a function, got ${got}`);
}

/**
 * Runs `logitsOf` on images [N, ...] and checks it returned logits [N, K] (K >= 2, float32, and
 * K = `classes` when given); throws a ShapeError naming `fn` and `argument` otherwise, after
 * disposing the bad output. The caller disposes the result (or calls this inside tf.tidy).
 *
 * @example
 * const logits = checkedLogits('distill', 'teacher', logitsOf, images); // [N, K]
 *
 * In plain words: ask the black box, and make sure it answered one score per class per image.
 */
export function checkedLogits(
  fn: string,
  argument: string,
  logitsOf: LogitsFunction,
  images: tf.Tensor,
  classes?: number,
): tf.Tensor2D {
  const logits = logitsOf(images);
  const n = images.shape[0] as number;
  const ok =
    logits instanceof tf.Tensor &&
    logits.rank === 2 &&
    logits.dtype === 'float32' &&
    logits.shape[0] === n &&
    (logits.shape[1] as number) >= 2 &&
    (classes === undefined || logits.shape[1] === classes);
  if (!ok) {
    const got = logits instanceof tf.Tensor ? `${logits.dtype} shape ${describeShape(logits.shape)}` : typeof logits;
    if (logits instanceof tf.Tensor) logits.dispose();
    const want = classes === undefined ? `[${n},K] with K >= 2` : `[${n},${classes}]`;
    throw new ShapeError(fn, `expected ${argument} to return float32 logits of shape ${want}, got ${got}`);
  }
  return logits as tf.Tensor2D;
}
