import * as tf from '@tensorflow/tfjs-core';
import { customGradient } from './custom-gradient.js';

/**
 * Per-row cross-entropy of target weights `a` [N, K] against softmax(z), z [N, K]:
 *   l_n = -sum_k a_nk log softmax(z_n)_k          (out: [N])
 * with the gradient written out rather than taken through log(softmax):
 *   dl/dz = softmax(z) * sum_k a_k - a            (= softmax(z) - t for a distribution t)
 *   dl/da = -log softmax(z)
 * log softmax is computed as z - max - log sum exp(z - max), so logits of +/-1e4 stay finite.
 * Internal: the building block of softmaxCrossEntropy and distillationLoss.
 */
export const fusedSoftmaxCrossEntropy = customGradient<[tf.Tensor, tf.Tensor]>(([targets, logits], save) => {
  const logProbs = tf.logSoftmax(logits);
  const value = tf.neg(tf.sum(tf.mul(targets, logProbs), -1));
  save([targets, logProbs]);
  return {
    value,
    gradFunc: (dy: tf.Tensor, saved: tf.Tensor[]) => {
      const [savedTargets, savedLogProbs] = saved as [tf.Tensor, tf.Tensor];
      const upstream = tf.expandDims(dy, -1);
      const mass = tf.sum(savedTargets, -1, true);
      const dLogits = tf.mul(upstream, tf.sub(tf.mul(tf.exp(savedLogProbs), mass), savedTargets));
      const dTargets = tf.mul(upstream, tf.neg(savedLogProbs));
      return [dTargets, dLogits];
    },
  };
});
