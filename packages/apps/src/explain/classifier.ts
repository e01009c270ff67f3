import * as tf from '@tensorflow/tfjs-core';
import { ArgumentError, ShapeError, describeShape, type Layer } from '@baihua/core';

/**
 * What the explanation methods explain: a core model or layer (`Sequential`, `Model`, run with
 * `apply` in inference mode) or a plain function, images [N, ...] -> logits [N, K].
 *
 * In plain words: any black box that scores each image for each class.
 */
export type Classifier = Layer | ((images: tf.Tensor) => tf.Tensor);

/** A classifier as a plain function images -> logits. */
export type LogitsFunction = (images: tf.Tensor) => tf.Tensor;

/**
 * The classifier as a plain function; throws `fn: expected classifier to be a model or a function`
 * for anything else.
 *
 * @example
 * const logitsOf = toLogitsFunction('saliency', model); // x => model.apply(x)
 *
 * In plain words: whatever was handed in, something we can call on images.
 */
export function toLogitsFunction(fn: string, classifier: unknown): LogitsFunction {
  if (typeof classifier === 'function') return classifier as LogitsFunction;
  const apply = (classifier as { apply?: unknown } | null)?.apply;
  if (typeof classifier === 'object' && classifier !== null && typeof apply === 'function')
    return (images) => (classifier as Layer).apply(images);
  const got = classifier === null ? 'null' : typeof classifier;
  throw new ArgumentError(fn, `expected classifier to be a model (with apply) or a function, got ${got}`);
}

/**
 * Runs the classifier on images [N, ...] and checks that it returned logits [N, K] with K >= 2;
 * throws a ShapeError naming `fn` otherwise (the bad output is disposed first).
 *
 * @example
 * const logits = classifierLogits('occlusion', logitsOf, images); // [N, K]
 *
 * In plain words: ask the black box, and make sure it answered one score per class per image.
 */
export function classifierLogits(fn: string, logitsOf: LogitsFunction, images: tf.Tensor): tf.Tensor2D {
  const logits = logitsOf(images);
  const n = images.shape[0];
  const ok =
    logits instanceof tf.Tensor && logits.rank === 2 && logits.shape[0] === n && (logits.shape[1] as number) >= 2;
  if (!ok) {
    const got = logits instanceof tf.Tensor ? `shape ${describeShape(logits.shape)}` : typeof logits;
    if (logits instanceof tf.Tensor) logits.dispose();
    throw new ShapeError(fn, `expected the classifier to return logits of shape [${n},K] with K >= 2, got ${got}`);
  }
  return logits as tf.Tensor2D;
}
