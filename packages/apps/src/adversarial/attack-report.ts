import type * as tf from '@tensorflow/tfjs-core';
import { classify } from './classifier.js';

/**
 * What every attack returns. `adversarial` has the images' shape and is the caller's to dispose.
 * success[i]: untargeted, the prediction on adversarial[i] differs from labels[i]; targeted, it
 * equals targets[i]. successRate: the fraction of successes among the images the classifier got
 * right before the attack (`attacked` of them; NaN when none), as Su et al. and Goodfellow et al.
 * count it. robustAccuracy: the fraction of all images still classified right after the attack.
 */
export interface AttackResult {
  adversarial: tf.Tensor;
  labels: number[];
  targets?: number[];
  cleanPredictions: number[];
  predictions: number[];
  success: boolean[];
  attacked: number;
  successRate: number;
  robustAccuracy: number;
}

/**
 * Classifies the originals and the adversarial images and counts successes (see
 * {@link AttackResult}). Takes ownership of `adversarial` (returns it inside the result; disposes it
 * on error).
 */
export async function attackReport(
  fn: string,
  f: (images: tf.Tensor) => tf.Tensor,
  images: tf.Tensor,
  adversarial: tf.Tensor,
  labels: number[],
  targets: number[] | undefined,
  batchSize: number,
): Promise<AttackResult> {
  try {
    const clean = await classify(fn, f, images, batchSize);
    const after = await classify(fn, f, adversarial, batchSize);
    return summarizeAttack(adversarial, labels, targets, clean.classes, after.classes);
  } catch (error) {
    adversarial.dispose();
    throw error;
  }
}

/** The counting part of {@link attackReport}, on predictions already made. */
export function summarizeAttack(
  adversarial: tf.Tensor,
  labels: number[],
  targets: number[] | undefined,
  cleanPredictions: number[],
  predictions: number[],
): AttackResult {
  const success = predictions.map((p, i) => (targets ? p === targets[i] : p !== labels[i]));
  const right = cleanPredictions.map((p, i) => p === labels[i]);
  const attacked = right.filter(Boolean).length;
  const succeeded = success.filter((s, i) => s && right[i]).length;
  const robust = predictions.filter((p, i) => p === labels[i]).length;
  return {
    adversarial,
    labels,
    ...(targets ? { targets } : {}),
    cleanPredictions,
    predictions,
    success,
    attacked,
    successRate: attacked === 0 ? Number.NaN : succeeded / attacked,
    robustAccuracy: robust / labels.length,
  };
}
