import * as tf from '@tensorflow/tfjs-core';
import type { SeededRandom } from '@baihua/core';
import type { PixelBounds } from './attack-checks.js';
import { attackDirection } from './attack-direction.js';

/** The settings of {@link linfSteps}. */
export interface LinfSettings {
  epsilon: number;
  iterations: number;
  stepSize: number;
  /** A generator for a uniform random start in the ball; none: start at x. */
  random?: SeededRandom;
  bounds: PixelBounds;
  targeted: boolean;
  onStep?: () => void;
}

/**
 * The sign-gradient steps FGSM (one step of size eps from x) and PGD (several, from a random
 * point) share, on one batch x [B, ...] with one-hot classes [B, K]: x_{t+1} = clip(proj(x_t +
 * alpha * direction)), proj into |x' - x|_inf <= eps, clip into the bounds. Returns a new tensor.
 */
export async function linfSteps(
  f: (images: tf.Tensor) => tf.Tensor,
  x: tf.Tensor,
  classes: tf.Tensor2D,
  settings: LinfSettings,
): Promise<tf.Tensor> {
  const { epsilon, iterations, stepSize, random, bounds, targeted } = settings;
  const low = tf.tidy(() => tf.maximum(tf.sub(x, epsilon), bounds[0]));
  const high = tf.tidy(() => tf.minimum(tf.add(x, epsilon), bounds[1]));
  let current = random
    ? tf.tidy(() => tf.minimum(tf.maximum(tf.add(x, uniformNoise(x.shape, epsilon, random)), low), high))
    : tf.clone(x);
  try {
    for (let t = 0; t < iterations; t++) {
      const next = tf.tidy(() => {
        const step = tf.mul(attackDirection(f, current, classes, targeted), stepSize);
        return tf.minimum(tf.maximum(tf.add(current, step), low), high);
      });
      current.dispose();
      current = next;
      settings.onStep?.();
    }
    return current;
  } catch (error) {
    current.dispose();
    throw error;
  } finally {
    tf.dispose([low, high]);
  }
}

/** Uniform noise in [-eps, eps] from the seeded generator (the same on every backend). */
function uniformNoise(shape: number[], epsilon: number, random: SeededRandom): tf.Tensor {
  const values = new Float32Array(shape.reduce((a, b) => a * b, 1));
  for (let i = 0; i < values.length; i++) values[i] = (2 * random.next() - 1) * epsilon;
  return tf.tensor(values, shape);
}
