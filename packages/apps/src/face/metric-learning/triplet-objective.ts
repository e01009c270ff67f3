import type { SeededRandom } from '@baihua/core';
import { batchHardTripletLoss, semiHardTripletLoss, tripletLoss } from '@baihua/losses';
import * as tf from '@tensorflow/tfjs-core';

/** How the triplets of a P x K batch are chosen. */
export type TripletMining = 'random' | 'batch-hard' | 'semi-hard';

/** The mining strategies {@link trainEmbedding} accepts. */
export const tripletMinings: readonly TripletMining[] = ['random', 'batch-hard', 'semi-hard'];

/** One step's loss `(labels, predictions) => Scalar` and the tensors to free after the step. */
export interface StepObjective {
  loss: (labels: tf.Tensor, predictions: tf.Tensor) => tf.Scalar;
  dispose(): void;
}

/**
 * Rows scaled to unit length: x / max(||x||, 1e-12) along the last axis. [N, D] -> [N, D].
 *
 * In plain words: keep each embedding's direction, forget its length.
 */
export function l2Normalize(x: tf.Tensor): tf.Tensor {
  return tf.tidy(() => tf.div(x, tf.sqrt(tf.maximum(tf.sum(tf.square(x), -1, true), 1e-24))));
}

/**
 * For a P x K batch (identity p's rows at [p*K, (p+1)*K)): one random triplet per row as anchor,
 * a random other row of its identity as positive, a random row of another identity as negative.
 */
export function randomTriplets(p: number, k: number, random: SeededRandom): [Int32Array, Int32Array, Int32Array] {
  const n = p * k;
  const anchors = new Int32Array(n);
  const positives = new Int32Array(n);
  const negatives = new Int32Array(n);
  for (let a = 0; a < n; a++) {
    const identity = Math.floor(a / k);
    const other = random.integer(k - 1);
    const positive = identity * k + other;
    const strangerSlot = random.integer(n - k);
    anchors[a] = a;
    positives[a] = positive >= a ? positive + 1 : positive;
    negatives[a] = strangerSlot >= identity * k ? strangerSlot + k : strangerSlot;
  }
  return [anchors, positives, negatives];
}

/**
 * The step's triplet loss on L2-normalised embeddings (squared distances, as FaceNet):
 * 'random' draws one triplet per row ({@link randomTriplets}) for `tripletLoss`; 'batch-hard' and
 * 'semi-hard' mine inside the batch with `batchHardTripletLoss` / `semiHardTripletLoss`.
 */
export function stepObjective(
  mining: TripletMining,
  margin: number,
  p: number,
  k: number,
  random: SeededRandom,
): StepObjective {
  if (mining === 'random') {
    // Row selection as [N, N] one-hot matrices (matMul picks rows): tf.gather's gradient needs
    // UnsortedSegmentSum, which tfjs-backend-wasm lacks.
    const n = p * k;
    const made = randomTriplets(p, k, random).map((rows) => {
      const selection = new Float32Array(n * n);
      rows.forEach((row, i) => {
        selection[i * n + row] = 1;
      });
      return tf.tensor2d(selection, [n, n]);
    });
    const [anchors, positives, negatives] = made as [tf.Tensor2D, tf.Tensor2D, tf.Tensor2D];
    return {
      loss: (_labels, predictions) =>
        tf.tidy(() => {
          const e = l2Normalize(predictions) as tf.Tensor2D;
          return tripletLoss(tf.matMul(anchors, e), tf.matMul(positives, e), tf.matMul(negatives, e), { margin });
        }),
      dispose: () => tf.dispose(made),
    };
  }
  const mine = mining === 'batch-hard' ? batchHardTripletLoss : semiHardTripletLoss;
  return {
    loss: (labels, predictions) => tf.tidy(() => mine(l2Normalize(predictions), labels, { margin })),
    dispose: () => {},
  };
}
