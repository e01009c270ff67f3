import type { Scalar, Tensor } from '@tensorflow/tfjs-core';

/**
 * How a classification loss's predictions are scored for accuracy: 'categorical' compares
 * argmax(predictions) with the class (one-hot argmax or the index); 'binary' reads each output as a
 * logit, predicted 1 when it is > 0, and compares with targets > 0.5 (the mean over the outputs of a row).
 */
export type AccuracyKind = 'categorical' | 'binary';

/**
 * The loss contract that `fit` takes: labels (class indices or target values) and the model's
 * predictions in, a scalar out, differentiable with respect to `predictions`.
 * `tf.losses.softmaxCrossEntropy` fits after argument reordering; every @baihua/losses function fits.
 *
 * A classification loss says so with `accuracyKind` (a property on the function, which
 * @baihua/losses sets on softmaxCrossEntropy, sigmoidCrossEntropy, the focal losses and
 * multiClassHingeLoss): `fit` and `evaluate` then report accuracy and check class indices. A loss
 * without it (mean squared error, a custom function) reports no accuracy unless `metrics: ['accuracy']`.
 *
 * @example
 * const crossEntropy: LossFunction = (labels, logits) => tf.losses.softmaxCrossEntropy(labels, logits);
 * crossEntropy.accuracyKind = 'categorical';
 *
 * In plain words: a function that says how wrong the predictions are, and whether "right" means a class.
 */
export type LossFunction = ((labels: Tensor, predictions: Tensor) => Scalar) & { accuracyKind?: AccuracyKind };
