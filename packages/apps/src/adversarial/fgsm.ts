import * as tf from '@tensorflow/tfjs-core';
import { assertKnownOptions } from '@baihua/core';
import { checkEpsilon } from './attack-checks.js';
import { oneHotClasses } from './attack-direction.js';
import { type AttackResult, attackReport } from './attack-report.js';
import { type AttackOptions, attackOptionKeys, prepareAttack } from './attack-setup.js';
import { type Classifier, sliceRows } from './classifier.js';
import { linfSteps } from './linf-steps.js';

/** Options of {@link fgsm}: the budget and those of every attack. */
export interface FgsmOptions extends AttackOptions {
  /** L-infinity budget: each pixel moves by exactly epsilon (before clipping). Required, >= 0. */
  epsilon: number;
}

/**
 * The fast gradient sign method (Goodfellow, Shlens and Szegedy, 2015), one step per image:
 *   untargeted: x' = clip(x + eps * sign(dL(f(x), y)/dx), low, high)
 *   targeted:   x' = clip(x - eps * sign(dL(f(x), t)/dx), low, high)
 * with L the softmax cross-entropy of the logits. images [N, ...] float32 inside `bounds`, labels
 * [N] class indices; the classifier maps [N, ...] to logits [N, K]. Returns the adversarial images
 * (same shape, yours to dispose) with a success report ({@link AttackResult}).
 *
 * @example
 * const { adversarial, successRate } = await fgsm(model, images, labels, { epsilon: 0.1 });
 * adversarial.dispose();
 *
 * In plain words: push every pixel a little in whichever direction hurts the right answer most.
 */
export async function fgsm(
  classifier: Classifier,
  images: tf.Tensor,
  labels: tf.Tensor | readonly number[],
  options: FgsmOptions,
): Promise<AttackResult> {
  const fn = 'fgsm';
  assertKnownOptions(fn, 'options', options, [...attackOptionKeys, 'epsilon']);
  const epsilon = checkEpsilon(fn, 'options.epsilon', options?.epsilon);
  const setup = await prepareAttack(fn, classifier, images, labels, options);
  const { f, bounds, targets, numClasses, batchSize } = setup;
  const classes = targets ?? setup.labels;
  const rows = images.shape[0] as number;
  const parts: tf.Tensor[] = [];
  const settings = { epsilon, iterations: 1, stepSize: epsilon, bounds, targeted: targets !== undefined };
  try {
    for (let start = 0; start < rows; start += batchSize) {
      const size = Math.min(batchSize, rows - start);
      const x = sliceRows(images, start, size);
      const wanted = oneHotClasses(classes.slice(start, start + size), numClasses);
      try {
        parts.push(await linfSteps(f, x, wanted, settings));
      } finally {
        tf.dispose([x, wanted]);
      }
    }
    const adversarial = parts.length === 1 ? (parts[0] as tf.Tensor) : tf.concat(parts);
    if (parts.length > 1) tf.dispose(parts);
    parts.length = 0;
    return await attackReport(fn, f, images, adversarial, setup.labels, targets, batchSize);
  } finally {
    tf.dispose(parts);
  }
}
