import * as tf from '@tensorflow/tfjs-core';
import { assertOneOf } from '../checks/value-checks.js';
import { ArgumentError } from '../errors/argument-error.js';
import type { AccuracyKind, LossFunction } from '../registry/loss-contract.js';

/** The metrics `fit` and `evaluate` can report besides the loss. */
export type Metric = 'accuracy';
const knownMetrics: readonly Metric[] = ['accuracy'];

/** Checks a `metrics` option: an array of known metric names. */
export function checkMetrics(fn: string, metrics: unknown): void {
  if (metrics === undefined) return;
  if (!Array.isArray(metrics))
    throw new ArgumentError(fn, `expected metrics to be an array such as ['accuracy'], got ${typeof metrics}`);
  metrics.forEach((metric, i) => assertOneOf(fn, `metrics[${i}]`, metric, knownMetrics));
}

/**
 * Which accuracy to report, if any: with `metrics` given, accuracy only when it lists 'accuracy'
 * (scored as the loss declares, else 'binary' for one output and 'categorical' for several, as
 * Keras picks); without `metrics`, the loss's own `accuracyKind` (undefined for regression losses).
 */
export function accuracyKindOf(
  loss: LossFunction,
  metrics: readonly Metric[] | undefined,
  outputWidth: number,
): AccuracyKind | undefined {
  if (metrics === undefined) return loss.accuracyKind;
  if (!metrics.includes('accuracy')) return undefined;
  return loss.accuracyKind ?? (outputWidth === 1 ? 'binary' : 'categorical');
}

/**
 * Number of correct predictions in a batch, as a scalar tensor.
 * 'categorical' (default): argmax(predictions) against argmax(labels) for one-hot labels (same
 * rank), or against the labels themselves for class indices (rank one less).
 * 'binary': predictions are logits, predicted 1 where > 0, against labels > 0.5; each row counts
 * the fraction of its outputs that are right (Keras' binary accuracy).
 *
 * @example countCorrect(tf.tensor1d([2, 0], 'int32'), tf.tensor2d([[0, 1, 3], [0, 2, 1]])); // 1
 * In plain words: how many answers in this handful were right.
 */
export function countCorrect(labels: tf.Tensor, predictions: tf.Tensor, kind: AccuracyKind = 'categorical'): tf.Scalar {
  return tf.tidy(() => {
    if (kind === 'binary') {
      const predicted = tf.greater(predictions, 0);
      const truth = tf.greater(tf.reshape(labels, predictions.shape), 0.5);
      const right = tf.cast(tf.equal(predicted, truth), 'float32');
      const rows = predictions.shape[0] as number;
      return tf.div(tf.sum(right), right.size / Math.max(rows, 1)) as tf.Scalar;
    }
    const predicted = tf.argMax(predictions, -1);
    const truth = labels.rank === predictions.rank ? tf.argMax(labels, -1) : tf.cast(labels, 'int32');
    return tf.sum(tf.cast(tf.equal(predicted, truth), 'float32'));
  });
}
