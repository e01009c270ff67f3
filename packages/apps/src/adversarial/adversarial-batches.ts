import * as tf from '@tensorflow/tfjs-core';
import {
  ArgumentError,
  assertInRange,
  assertKnownOptions,
  assertPositiveInteger,
  assertTensor,
  createRandom,
  type Dataset,
  fromGenerator,
  type Layer,
} from '@baihua/core';
import { checkBounds, checkEpsilon, checkImages } from './attack-checks.js';
import { oneHotClasses } from './attack-direction.js';
import { classifierFunction } from './classifier.js';
import { linfSteps } from './linf-steps.js';

/** Options of {@link adversarialBatches}. */
export interface AdversarialBatchesOptions {
  /** 'pgd' (random start, `iterations` steps) or 'fgsm'. Default 'pgd'. */
  attack?: 'pgd' | 'fgsm';
  /** L-infinity budget. Required, >= 0. */
  epsilon: number;
  /** PGD steps. Default 7. */
  iterations?: number;
  /** PGD step size. Default 2.5 * epsilon / iterations. */
  stepSize?: number;
  /** Fraction of each batch replaced by its adversarial version, in [0, 1]. Default 0.5 (Goodfellow et al.). */
  fraction?: number;
  /** Rows per batch. Default 32. */
  batchSize?: number;
  /** Seed of shuffling and random starts. Default 0. */
  seed?: number;
  /** Pixel bounds. Default [0, 1]. */
  bounds?: readonly [number, number];
}

const keys = ['attack', 'epsilon', 'iterations', 'stepSize', 'fraction', 'batchSize', 'seed', 'bounds'];

/**
 * Adversarial training as a stream for @baihua/core's `fit`: every epoch shuffles the rows and
 * yields { x, y } batches in which the first round(fraction * B) rows are replaced by PGD (or
 * FGSM) examples made against the model AS IT IS at that step (Madry et al. train on all-PGD
 * batches, fraction 1; Goodfellow et al. mix half and half). Labels y: [N] class indices or
 * [N, K] one-hot, passed through unchanged. `fit`'s `augment` hook sees no labels, hence a stream.
 * The model runs in inference mode while the examples are made. x [N, ...] float32 in bounds.
 *
 * @example
 * await fit(model, adversarialBatches(model, { x, y }, { epsilon: 0.1, batchSize: 64 }), {
 *   loss: softmaxCrossEntropy, epochs: 3,
 * });
 *
 * In plain words: train on the examples the current model finds hardest, made fresh every batch.
 */
export async function adversarialBatches(
  model: Layer,
  data: { x: tf.Tensor; y: tf.Tensor },
  options: AdversarialBatchesOptions,
): Promise<Dataset<{ x: tf.Tensor; y: tf.Tensor }>> {
  const fn = 'adversarialBatches';
  assertKnownOptions(fn, 'options', options, keys);
  const f = classifierFunction(fn, model);
  const epsilon = checkEpsilon(fn, 'options.epsilon', options.epsilon);
  const { attack = 'pgd', iterations = 7, fraction = 0.5, batchSize = 32, seed = 0 } = options;
  if (attack !== 'pgd' && attack !== 'fgsm')
    throw new ArgumentError(fn, `expected options.attack to be 'pgd' or 'fgsm', got ${String(attack)}`);
  assertPositiveInteger(fn, 'options.iterations', iterations);
  assertPositiveInteger(fn, 'options.batchSize', batchSize);
  assertInRange(fn, 'options.fraction', fraction, { min: 0, max: 1 });
  const stepSize = checkEpsilon(fn, 'options.stepSize', options.stepSize ?? (2.5 * epsilon) / iterations);
  const bounds = checkBounds(fn, options.bounds);
  assertTensor(fn, 'data.x', data?.x);
  assertTensor(fn, 'data.y', data.y);
  await checkImages(fn, 'data.x', data.x, bounds);
  const rows = data.x.shape[0] as number;
  if (data.y.shape[0] !== rows || data.y.rank > 2)
    throw new ArgumentError(fn, `expected data.y [${rows}] or [${rows}, K], got shape [${data.y.shape}]`);
  const labels = tf.tidy(() => (data.y.rank === 2 ? tf.argMax(data.y, 1) : tf.cast(data.y, 'int32')));
  const classes = Array.from(await labels.data());
  labels.dispose();
  const numClasses = data.y.rank === 2 ? (data.y.shape[1] as number) : Math.max(...classes) + 1;
  const random = createRandom(seed);
  const pgd = attack === 'pgd';
  const settings = {
    epsilon,
    bounds,
    targeted: false,
    iterations: pgd ? iterations : 1,
    stepSize: pgd ? stepSize : epsilon,
  };
  return fromGenerator(async function* () {
    const order = random.shuffle(Array.from({ length: rows }, (_, i) => i));
    for (let start = 0; start < rows; start += batchSize) {
      const chosen = order.slice(start, start + batchSize);
      const attacked = Math.round(fraction * chosen.length);
      const index = tf.tensor1d(chosen, 'int32');
      const x = tf.gather(data.x, index);
      const y = tf.gather(data.y, index);
      index.dispose();
      if (attacked === 0) {
        yield { x, y };
        continue;
      }
      const head = tf.slice(x, 0, attacked);
      const wanted = oneHotClasses(
        chosen.slice(0, attacked).map((i) => classes[i] as number),
        numClasses,
      );
      let mixed: tf.Tensor;
      try {
        const made = await linfSteps(f, head, wanted, { ...settings, ...(pgd ? { random } : {}) });
        mixed = tf.tidy(() => tf.concat([made, tf.slice(x, attacked)]));
        made.dispose();
      } catch (error) {
        y.dispose();
        throw error;
      } finally {
        tf.dispose([head, wanted, x]);
      }
      yield { x: mixed, y };
    }
  });
}
