import type * as tf from '@tensorflow/tfjs-core';
import { ShapeError, assertDtype, assertRank, describeShape } from '@baihua/core';

/**
 * Throws unless `tensor` is a float32 feature map (or image) batch [B, H, W, C] with no empty
 * dimension: `gramMatrix: expected features of rank 4, got rank 3 (shape [4,5,3])`.
 * Internal helper of the style-transfer losses.
 *
 * @example
 * assertFeatureMaps('gramMatrix', 'features', features); // [2, 4, 5, 3] passes
 *
 * In plain words: a batch of pictures, each of some height, width and channels, and none of them empty.
 */
export function assertFeatureMaps(functionName: string, argument: string, tensor: tf.Tensor): void {
  assertRank(functionName, argument, tensor, 4);
  assertDtype(functionName, argument, tensor, 'float32');
  if (tensor.shape.some((size) => size === 0)) {
    throw new ShapeError(
      functionName,
      `expected ${argument} [B, H, W, C] with every size >= 1, got shape ${describeShape(tensor.shape)}`,
    );
  }
}

/**
 * Throws unless `other`'s batch is `features`' batch B or 1 (one style broadcast over the batch).
 * Internal helper of the style-transfer losses.
 *
 * @example
 * assertBatchOrOne('styleLoss', 'features', features, 'style', style); // B = 4 against 4 or 1 passes
 */
export function assertBatchOrOne(
  functionName: string,
  featuresName: string,
  features: tf.Tensor,
  otherName: string,
  other: tf.Tensor,
): void {
  const batch = features.shape[0] as number;
  const otherBatch = other.shape[0] as number;
  if (otherBatch !== batch && otherBatch !== 1) {
    throw new ShapeError(
      functionName,
      `expected ${otherName} of batch ${batch} (as ${featuresName}) or 1, got batch ${otherBatch} ` +
        `(shapes ${describeShape(features.shape)} and ${describeShape(other.shape)})`,
    );
  }
}
