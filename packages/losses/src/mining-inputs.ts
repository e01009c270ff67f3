import type * as tf from '@tensorflow/tfjs-core';
import { assertDtype, assertKnownOptions, assertNonNegative, assertOneOf, assertRank } from '@baihua/core';
import { type EmbeddingDistance, embeddingDistances } from './embedding-distance.js';
import { checkIdentityLabels } from './identity-labels.js';
import { type Reduction, checkReduction } from './reduction.js';
import { optionKeys } from './option-keys.js';

/** What both triplet-mining losses take besides the tensors. */
export interface MiningOptions {
  margin?: number;
  distance?: EmbeddingDistance;
  reduction?: Reduction;
}

const optionNames = optionKeys<MiningOptions>({ margin: true, distance: true, reduction: true });

/**
 * Checks the inputs of a triplet-mining loss (embeddings [N, D] float32, N labels, margin >= 0,
 * a known distance and reduction) synchronously, and returns them with defaults applied.
 */
export function checkMiningInputs(
  name: string,
  embeddings: tf.Tensor,
  labels: tf.Tensor | readonly number[],
  options: MiningOptions,
): { rows: number; margin: number; distance: EmbeddingDistance; reduction: Reduction } {
  assertKnownOptions(name, 'options', options, optionNames);
  assertRank(name, 'embeddings', embeddings, 2);
  assertDtype(name, 'embeddings', embeddings, 'float32');
  const rows = embeddings.shape[0] as number;
  checkIdentityLabels(name, labels, rows);
  const { margin = 0.2, distance = 'squared' } = options;
  assertNonNegative(name, 'margin', margin);
  assertOneOf(name, 'distance', distance, embeddingDistances);
  return { rows, margin, distance, reduction: checkReduction(name, options.reduction) };
}
