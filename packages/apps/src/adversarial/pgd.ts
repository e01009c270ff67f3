import type * as tf from '@tensorflow/tfjs-core';
import { ArgumentError, assertKnownOptions, assertPositiveInteger, createRandom } from '@baihua/core';
import { checkEpsilon } from './attack-checks.js';
import type { AttackResult } from './attack-report.js';
import { type AttackOptions, attackOptionKeys, prepareAttack } from './attack-setup.js';
import type { Classifier } from './classifier.js';
import { linfAttack } from './linf-attack.js';

/** Options of {@link pgd}. */
export interface PgdOptions extends AttackOptions {
  /** L-infinity radius of the ball around each image. Required, >= 0. */
  epsilon: number;
  /** Gradient-sign steps. Default 10. */
  iterations?: number;
  /** Size alpha of each step. Default 2.5 * epsilon / iterations (Madry et al.). */
  stepSize?: number;
  /** Start from a uniform random point of the ball (seeded). Default true. */
  randomStart?: boolean;
  /** Seed of the random start. Default 0. */
  seed?: number;
  /** Called after every step of every batch with (steps done, steps in all). */
  onProgress?: (done: number, total: number) => void;
}

/**
 * Projected gradient descent in the L-infinity ball (Madry et al., 2018): from x0 = x + u,
 * u ~ U(-eps, eps) (or x0 = x), repeat
 *   x_{t+1} = clip(proj_{|x' - x|_inf <= eps}(x_t + alpha * s * sign(dL(f(x_t), c)/dx)), low, high)
 * with s = +1, c = the label (untargeted) or s = -1, c = the target (targeted), L the softmax
 * cross-entropy. images [N, ...] float32 in `bounds`, labels [N]; classifier [N, ...] -> logits [N, K].
 * Returns the last iterate (same shape, yours to dispose) and a success report.
 *
 * @example
 * const result = await pgd(model, images, labels, { epsilon: 0.1, iterations: 20, seed: 1 });
 * console.log(result.robustAccuracy);
 * result.adversarial.dispose();
 *
 * In plain words: FGSM taken in many small steps, never leaving the allowed box around the picture.
 */
export async function pgd(
  classifier: Classifier,
  images: tf.Tensor,
  labels: tf.Tensor | readonly number[],
  options: PgdOptions,
): Promise<AttackResult> {
  const fn = 'pgd';
  const keys = [...attackOptionKeys, 'epsilon', 'iterations', 'stepSize', 'randomStart', 'seed', 'onProgress'];
  assertKnownOptions(fn, 'options', options, keys);
  const epsilon = checkEpsilon(fn, 'options.epsilon', options?.epsilon);
  const { iterations = 10, randomStart = true, seed = 0 } = options;
  assertPositiveInteger(fn, 'options.iterations', iterations);
  const stepSize = checkEpsilon(fn, 'options.stepSize', options.stepSize ?? (2.5 * epsilon) / iterations);
  if (typeof randomStart !== 'boolean')
    throw new ArgumentError(fn, `expected options.randomStart to be true or false, got ${String(randomStart)}`);
  if (!Number.isInteger(seed)) throw new ArgumentError(fn, `expected options.seed to be an integer, got ${seed}`);
  const setup = await prepareAttack(fn, classifier, images, labels, options);
  const total = Math.ceil((images.shape[0] as number) / setup.batchSize) * iterations;
  let done = 0;
  const onStep = () => options.onProgress?.(++done, total);
  const random = randomStart ? createRandom(seed) : undefined;
  return linfAttack(fn, setup, images, { epsilon, iterations, stepSize, onStep, ...(random ? { random } : {}) });
}
