import { ArgumentError, assertTensor, describeShape, type Layer, ShapeError } from '@baihua/core';
import type * as tf from '@tensorflow/tfjs-core';
import { faceCropSize } from './face-recognition-net.js';

const fn = 'computeFaceDescriptors';

/**
 * Face descriptors of aligned face crops: `net` ({@link loadFaceRecognitionNet}) applied to RGB
 * pixels [B, 150, 150, 3] in 0..255 (B >= 1; face-api's crop size; resize or pad first), giving
 * [B, 128]. Two crops show the same person when their descriptors' Euclidean distance is below
 * face-api's threshold 0.6 (see {@link isSameFace}). The caller disposes the result.
 *
 * @example
 * const descriptors = computeFaceDescriptors(net, crops); // [B, 128]
 *
 * In plain words: turn each face into 128 numbers that are close for the same person.
 */
export function computeFaceDescriptors(net: Layer, images: tf.Tensor): tf.Tensor2D {
  assertTensor(fn, 'images', images);
  const [batch, height, width, channels] = images.shape;
  if (images.rank !== 4 || height !== faceCropSize || width !== faceCropSize || channels !== 3)
    throw new ShapeError(
      fn,
      `expected images of shape [B, ${faceCropSize}, ${faceCropSize}, 3], got ${describeShape(images.shape)}`,
    );
  if (batch === 0) throw new ShapeError(fn, 'expected images with at least one crop, got an empty batch [0, ...]');
  if (images.dtype !== 'float32' && images.dtype !== 'int32')
    throw new ArgumentError(fn, `expected images of dtype float32 or int32, got ${images.dtype}`);
  return net.apply(images) as tf.Tensor2D;
}

/**
 * face-api's verification rule: Euclidean distance between two descriptors (length 128 each)
 * below `threshold` (default 0.6) means the same person. Returns `{ distance, same }`.
 *
 * @example
 * isSameFace(descriptorA, descriptorB); // { distance: 0.41, same: true }
 *
 * In plain words: close enough faces are the same face.
 */
export function isSameFace(
  a: ArrayLike<number>,
  b: ArrayLike<number>,
  threshold = 0.6,
): { distance: number; same: boolean } {
  if (a?.length === undefined || b?.length === undefined || a.length !== b.length || a.length === 0)
    throw new ArgumentError('isSameFace', `expected a and b of one non-zero length, got ${a?.length} and ${b?.length}`);
  if (!(threshold > 0)) throw new ArgumentError('isSameFace', `expected threshold > 0, got ${threshold}`);
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += ((a[i] as number) - (b[i] as number)) ** 2;
  const distance = Math.sqrt(sum);
  return { distance, same: distance < threshold };
}
