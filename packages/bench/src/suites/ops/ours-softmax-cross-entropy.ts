import * as tf from '@tensorflow/tfjs-core';
import type { BenchCase, BenchMode } from '../../harness/bench-case.js';
import { seededNormal, seededOneHot } from '../../harness/seeded-tensors.js';
import { softmaxCrossEntropySize } from './softmax-cross-entropy.js';

/**
 * @baihua/losses' fused softmaxCrossEntropy (custom gradient softmax(z) - t, never through
 * ln softmax): loss and gradient for the logits, the same work as the stock row
 * `ops/softmax-ce/.../stock` (tf.losses.softmaxCrossEntropy), so the row shows ours/stock.
 * @baihua/losses is imported at setup, so a broken build fails these rows only.
 */
export function oursSoftmaxCrossEntropyCases(mode: BenchMode): BenchCase[] {
  const [batch, classes] = softmaxCrossEntropySize(mode);
  return [
    {
      id: `ops/softmax-ce/${batch}x${classes}/ours`,
      suite: 'ops',
      title: `softmax CE fwd+bwd ${batch}x${classes}`,
      implementation: 'ours',
      compareKey: `softmax-ce/${batch}x${classes}`,
      params: { batch, classes },
      async setup() {
        const { softmaxCrossEntropy } = await import('@baihua/losses');
        const logits = seededNormal([batch, classes], 31, 2);
        const labels = seededOneHot(batch, classes, 32);
        const lossAndGradient = tf.valueAndGrad((z: tf.Tensor) => softmaxCrossEntropy(labels, z));
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
