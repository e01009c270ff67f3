import * as tf from '@tensorflow/tfjs-core';

/** How the two directions of a bidirectional layer are combined. */
export type BidirectionalMerge = 'concat' | 'sum' | 'average' | 'multiply';

/** The merge modes, in the order error messages list them. */
export const bidirectionalMerges: readonly BidirectionalMerge[] = ['concat', 'sum', 'average', 'multiply'];

/**
 * Combines the forward and the (time-aligned) backward outputs, [..., H] each: 'concat' gives
 * [forward, backward] on the last axis ([..., 2H], PyTorch's and Keras' default), 'sum' f + b,
 * 'average' (f + b) / 2, 'multiply' f * b (Keras' 'sum', 'ave', 'mul').
 *
 * @example
 * mergeDirections(tf.ones([2, 4]), tf.ones([2, 4]), 'concat').shape; // [2, 8]
 *
 * In plain words: put the left-to-right and right-to-left readings side by side, or blend them.
 */
export function mergeDirections(forward: tf.Tensor, backward: tf.Tensor, merge: BidirectionalMerge): tf.Tensor {
  return tf.tidy(() => {
    if (merge === 'concat') return tf.concat([forward, backward], -1);
    if (merge === 'multiply') return tf.mul(forward, backward);
    const sum = tf.add(forward, backward);
    return merge === 'sum' ? sum : tf.mul(sum, 0.5);
  });
}

/** The output units per step of a merge of two directions of `forwardUnits` and `backwardUnits`. */
export function mergedUnits(forwardUnits: number, backwardUnits: number, merge: BidirectionalMerge): number {
  return merge === 'concat' ? forwardUnits + backwardUnits : forwardUnits;
}
