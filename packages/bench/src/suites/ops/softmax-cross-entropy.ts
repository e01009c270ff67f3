import * as tf from '@tensorflow/tfjs-core';
import type { BenchCase, BenchMode } from '../../harness/bench-case.js';
import { seededNormal, seededOneHot } from '../../harness/seeded-tensors.js';

/** Sizes of the softmax cross-entropy cases: [batch, classes]. */
export function softmaxCrossEntropySize(mode: BenchMode): [number, number] {
  return mode === 'quick' ? [64, 10] : [256, 1000];
}

/**
 * Stock tf.losses.softmaxCrossEntropy (mean over the batch): the loss and its gradient with
 * respect to the logits. The compareKey is shared with our fused version in @baihua/losses.
 */
export function softmaxCrossEntropyCases(mode: BenchMode): BenchCase[] {
  const [batch, classes] = softmaxCrossEntropySize(mode);
  return [
    {
      id: `ops/softmax-ce/${batch}x${classes}/stock`,
      suite: 'ops',
      title: `softmax CE fwd+bwd ${batch}x${classes}`,
      implementation: 'stock',
      compareKey: `softmax-ce/${batch}x${classes}`,
      params: { batch, classes },
      setup() {
        const logits = seededNormal([batch, classes], 31, 2);
        const labels = seededOneHot(batch, classes, 32);
        const lossAndGradient = tf.valueAndGrad(
          (z: tf.Tensor) => tf.losses.softmaxCrossEntropy(labels, z) as tf.Scalar,
        );
        return {
          run: () => {
            const { value, grad } = lossAndGradient(logits);
            return [value, grad];
          },
          dispose: () => tf.dispose([logits, labels]),
        };
      },
    },
  ];
}
