import * as tf from '@tensorflow/tfjs-core';
import { ArgumentError, assertKnownOptions, assertTensor } from '@baihua/core';
import { checkBounds } from './attack-checks.js';
import { type Classifier, classifierFunction } from './classifier.js';

/** Options of the squeezers. */
export interface SqueezeOptions {
  /** The pixel bounds [low, high] of the input. Default [0, 1]. */
  bounds?: readonly [number, number];
}

/**
 * Bit-depth reduction (Xu, Evans and Qi's feature squeezing): each value is rounded to one of
 * 2^bits evenly spaced levels of [low, high]:
 *   x' = low + round((x - low) / (high - low) * (2^bits - 1)) / (2^bits - 1) * (high - low),
 * after clipping x into the bounds. Any shape; returns a new tensor. bits: integer in [1, 16].
 *
 * @example
 * reduceBitDepth(tf.tensor1d([0.1, 0.4, 0.8]), 1); // [0, 0, 1]
 *
 * In plain words: fewer shades of grey, so faint adversarial speckle rounds away.
 */
export function reduceBitDepth(images: tf.Tensor, bits: number, options: SqueezeOptions = {}): tf.Tensor {
  const fn = 'reduceBitDepth';
  assertTensor(fn, 'images', images);
  assertKnownOptions(fn, 'options', options, ['bounds']);
  if (!Number.isInteger(bits) || bits < 1 || bits > 16)
    throw new ArgumentError(fn, `expected bits to be an integer in [1, 16], got ${String(bits)}`);
  const [low, high] = checkBounds(fn, options.bounds);
  const levels = 2 ** bits - 1;
  return tf.tidy(() => {
    const unit = tf.div(tf.sub(tf.clipByValue(images, low, high), low), high - low);
    return tf.add(tf.mul(tf.div(tf.round(tf.mul(unit, levels)), levels), high - low), low);
  });
}

/**
 * The seed's input normalisation, "compress the features to [-1, 1]": x' = clip(2 (x - low) /
 * (high - low) - 1, -1, 1). Values outside the declared bounds (an attacker's overshoot) are cut
 * off. Any shape; returns a new tensor.
 *
 * @example
 * compressFeatures(tf.tensor1d([0, 0.25, 1, 1.7])); // [-1, -0.5, 1, 1]
 *
 * In plain words: squash every input into one fixed range, so nothing can shout louder than allowed.
 */
export function compressFeatures(images: tf.Tensor, options: SqueezeOptions = {}): tf.Tensor {
  const fn = 'compressFeatures';
  assertTensor(fn, 'images', images);
  assertKnownOptions(fn, 'options', options, ['bounds']);
  const [low, high] = checkBounds(fn, options.bounds);
  return tf.tidy(() => tf.clipByValue(tf.sub(tf.mul(tf.sub(images, low), 2 / (high - low)), 1), -1, 1));
}

/**
 * A classifier that squeezes its input first: x -> classifier(squeeze(x)). Use it to measure
 * a defence: attack the squeezed classifier, or compare its predictions with the plain one's
 * (Xu et al. flag inputs on which the two disagree). Rounding has a zero gradient, so gradient
 * attacks on a bit-depth squeezer see no signal (gradient masking, not robustness): attack the
 * plain classifier and evaluate the squeezed one instead.
 *
 * @example
 * const defended = squeezedClassifier(model, (x) => reduceBitDepth(x, 1));
 *
 * In plain words: clean up every picture before the model looks at it.
 */
export function squeezedClassifier(
  classifier: Classifier,
  squeeze: (images: tf.Tensor) => tf.Tensor,
): (images: tf.Tensor) => tf.Tensor {
  const f = classifierFunction('squeezedClassifier', classifier);
  if (typeof squeeze !== 'function')
    throw new ArgumentError('squeezedClassifier', `expected squeeze to be a function (images) => tensor`);
  return (images) => tf.tidy(() => f(squeeze(images)));
}
