import * as tf from '@tensorflow/tfjs-core';

/**
 * Splits [batch, time, features] into `time` tensors [batch, features], as `tf.unstack(x, 1)` does,
 * except that a single step is a reshape: tfjs 4.22's gradient of a one-output Unpack hands
 * `tf.stack` a bare tensor and throws, so a one-step sequence could not be differentiated.
 * @example
 * const steps = unstackSteps(tf.zeros([2, 1, 3])); // one tensor [2, 3], and tf.grad works through it
 * In plain words: cut the film into frames, even when it has one frame.
 */
export function unstackSteps(x: tf.Tensor3D): tf.Tensor2D[] {
  const [batch, time, features] = x.shape;
  if (time === 1) return [tf.reshape(x, [batch, features])];
  return tf.unstack(x, 1) as tf.Tensor2D[];
}
