import * as tf from '@tensorflow/tfjs-core';
import { ArgumentError, assertPositiveInteger } from '@baihua/core';
import { checkBounds, checkImages, type PixelBounds, readClassIndices } from './attack-checks.js';
import { checkedLogits, classifierFunction, type Classifier, sliceRows } from './classifier.js';

/** Options every attack takes. */
export interface AttackOptions {
  /** Pixel bounds [low, high]; images must lie inside, adversarial images are clipped into them. Default [0, 1]. */
  bounds?: readonly [number, number];
  /** Targeted attack: the class wanted for each image, [N] (tensor or array). Default: untargeted. */
  targets?: tf.Tensor | readonly number[];
  /** Rows per forward and backward pass. Default 256. */
  batchSize?: number;
}

/** The option keys of {@link AttackOptions}. */
export const attackOptionKeys = ['bounds', 'targets', 'batchSize'] as const;

/** Everything an attack needs, checked. */
export interface AttackSetup {
  f: (images: tf.Tensor) => tf.Tensor;
  bounds: PixelBounds;
  labels: number[];
  targets?: number[];
  numClasses: number;
  batchSize: number;
}

/**
 * Checks classifier, images, labels and the common options (one forward of the first row finds K
 * and checks the output is logits [N, K]); throws naming `fn` and the argument.
 */
export async function prepareAttack(
  fn: string,
  classifier: Classifier,
  images: tf.Tensor,
  labels: tf.Tensor | readonly number[],
  options: AttackOptions,
): Promise<AttackSetup> {
  if (options === null || typeof options !== 'object')
    throw new ArgumentError(fn, `expected options to be an object, got ${String(options)}`);
  const f = classifierFunction(fn, classifier);
  const bounds = checkBounds(fn, options.bounds);
  const { batchSize = 256 } = options;
  assertPositiveInteger(fn, 'options.batchSize', batchSize);
  await checkImages(fn, 'images', images, bounds);
  const probe = tf.tidy(() => checkedLogits(fn, f, sliceRows(images, 0, 1)));
  const numClasses = probe.shape[1];
  probe.dispose();
  const rows = images.shape[0] as number;
  const labelValues = await readClassIndices(fn, 'labels', labels, rows, numClasses);
  const targets =
    options.targets === undefined
      ? undefined
      : await readClassIndices(fn, 'options.targets', options.targets, rows, numClasses);
  return { f, bounds, labels: labelValues, ...(targets ? { targets } : {}), numClasses, batchSize };
}
