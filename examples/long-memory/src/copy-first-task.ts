import * as tf from '@tensorflow/tfjs-core';
import { createRandom } from '@baihua/core';

/**
 * A copy-first-symbol data set: x [n, length, symbols + distractors] one-hot, y [n, symbols] one-hot of x's
 * first step.
 */
export interface CopyFirstData {
  x: tf.Tensor3D;
  y: tf.Tensor2D;
}

/**
 * Copy-first-symbol, as in Hochreiter & Schmidhuber's 1997 experiment 2: step 0 shows one of
 * `symbols` symbols, every later step one of `distractors` other symbols drawn at random; the
 * answer is the symbol of step 0. The network has to carry it through length - 1 distracting steps
 * and answer at the end. Chance level is 1 / symbols.
 *
 * In plain words: the first word of a long relay is the only one that matters, and every later
 * runner shouts some other random word.
 */
export function copyFirstData(
  count: number,
  length: number,
  symbols: number,
  distractors: number,
  seed: number,
): CopyFirstData {
  const random = createRandom(seed);
  const steps = new Int32Array(count * length);
  const answers = new Int32Array(count);
  for (let n = 0; n < count; n++) {
    const first = random.integer(symbols);
    answers[n] = first;
    steps[n * length] = first;
    for (let t = 1; t < length; t++) steps[n * length + t] = symbols + random.integer(distractors);
  }
  return tf.tidy(() => ({
    x: tf.oneHot(tf.tensor2d(steps, [count, length], 'int32'), symbols + distractors) as tf.Tensor3D,
    y: tf.oneHot(tf.tensor1d(answers, 'int32'), symbols) as tf.Tensor2D,
  }));
}
