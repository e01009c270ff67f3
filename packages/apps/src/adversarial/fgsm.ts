import type * as tf from '@tensorflow/tfjs-core';
import { assertKnownOptions } from '@baihua/core';
import { checkEpsilon } from './attack-checks.js';
import type { AttackResult } from './attack-report.js';
import { type AttackOptions, attackOptionKeys, prepareAttack } from './attack-setup.js';
import type { Classifier } from './classifier.js';
import { linfAttack } from './linf-attack.js';

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
  return linfAttack(fn, setup, images, { epsilon, iterations: 1, stepSize: epsilon });
}
