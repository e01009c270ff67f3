import * as tf from '@tensorflow/tfjs-core';
import type { LogitsFunction } from './classifier.js';
import type { ExplainedOutput } from './explain-options.js';

/**
 * The explained score of each row: logits [B, K] and a one-hot [B, K] of the explained classes ->
 * [B], the class logit z_c or its probability softmax(z)_c.
 *
 * @example
 * classScores(tf.tensor2d([[1, 3]]), tf.tensor2d([[0, 1]]), 'logit'); // [3]
 *
 * In plain words: from all the class scores, the one we ask about.
 */
export function classScores(logits: tf.Tensor, oneHot: tf.Tensor, output: ExplainedOutput): tf.Tensor1D {
  return tf.tidy(() => tf.sum(tf.mul(output === 'logit' ? logits : tf.softmax(logits), oneHot), 1));
}

/**
 * The gradient of each image's explained score with respect to its pixels: images [B, ...] ->
 * [B, ...] (d f_c(x_i) / d x_i; images are independent, so the gradient of the sum is taken once).
 *
 * @example
 * const g = classScoreGradient(logitsOf, images, oneHotRows(classes, 10), 'logit');
 *
 * In plain words: which way each pixel should move to raise the class score, and how strongly.
 */
export function classScoreGradient(
  logitsOf: LogitsFunction,
  images: tf.Tensor,
  oneHot: tf.Tensor,
  output: ExplainedOutput,
): tf.Tensor {
  return tf.tidy(() => tf.grad((x: tf.Tensor) => tf.sum(classScores(logitsOf(x), oneHot, output)))(images));
}
