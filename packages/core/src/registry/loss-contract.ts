import type { Scalar, Tensor } from '@tensorflow/tfjs-core';

/**
 * The loss contract that `fit` takes: labels (class indices or target values) and the model's
 * predictions in, a scalar out, differentiable with respect to `predictions`.
 * `tf.losses.softmaxCrossEntropy` fits after argument reordering; every @baihua/losses function fits.
 */
export type LossFunction = (labels: Tensor, predictions: Tensor) => Scalar;
