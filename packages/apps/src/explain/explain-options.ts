import {
  ArgumentError,
  assertKnownOptions,
  assertOneOf,
  assertPositiveInteger,
  assertTensor,
  describeShape,
  ShapeError,
} from '@baihua/core';

/** What a method explains: the class logit, or the class probability (softmax of the logits). */
export type ExplainedOutput = 'logit' | 'probability';

/** Options every explanation method takes. */
export interface ExplainOptions {
  /** The class to explain: one for all images, or one per image. Default: each image's predicted class. */
  classIndex?: number | readonly number[];
  /** Explain the class 'logit' or its 'probability'. Default: 'logit' for gradients, 'probability' otherwise. */
  output?: ExplainedOutput;
  /** The pixel bounds images must lie in, inclusive. Default [0, 1]. */
  bounds?: readonly [number, number];
  /** Images (or perturbed copies) per forward pass. Default 64. */
  batchSize?: number;
}

/** The keys of {@link ExplainOptions}. */
export const explainOptionKeys: readonly string[] = ['classIndex', 'output', 'bounds', 'batchSize'];

/** Checked common options with their defaults filled in. */
export interface CheckedExplainOptions {
  output: ExplainedOutput;
  bounds: readonly [number, number];
  batchSize: number;
}

/**
 * Checks `images` (a float32 tensor of rank >= 2 with at least one image) and the common options
 * (unknown keys against `known`, output, bounds, batchSize) before any tensor is made.
 *
 * @example
 * const checked = checkExplainOptions('saliency', images, options, ['signed'], 'logit');
 *
 * In plain words: refuse a bad call before doing any work.
 */
export function checkExplainOptions(
  fn: string,
  images: unknown,
  options: ExplainOptions,
  known: readonly string[],
  defaultOutput: ExplainedOutput,
): CheckedExplainOptions {
  assertKnownOptions(fn, 'options', options, [...explainOptionKeys, ...known]);
  assertTensor(fn, 'images', images);
  if (images.rank < 2 || images.shape[0] === 0 || images.dtype !== 'float32')
    throw new ShapeError(
      fn,
      `expected images [N, ...] of rank >= 2 with N >= 1 and dtype float32, ` +
        `got shape ${describeShape(images.shape)} (${images.dtype})`,
    );
  const { output = defaultOutput, bounds = [0, 1], batchSize = 64 } = options;
  assertOneOf(fn, 'options.output', output, ['logit', 'probability']);
  const [low, high]: (number | undefined)[] = Array.isArray(bounds) ? bounds : [];
  if (bounds.length !== 2 || !Number.isFinite(low) || !Number.isFinite(high) || !((low as number) < (high as number)))
    throw new ArgumentError(
      fn,
      `expected options.bounds to be [low, high] with low < high, got ${JSON.stringify(bounds)}`,
    );
  assertPositiveInteger(fn, 'options.batchSize', batchSize);
  return { output, bounds: [low as number, high as number], batchSize };
}
