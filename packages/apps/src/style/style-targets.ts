import * as tf from '@tensorflow/tfjs-core';
import { ArgumentError, ShapeError, describeShape } from '@baihua/core';
import { gramMatrix } from '@baihua/losses';
import type { FeatureExtractor } from './random-feature-extractor.js';

/**
 * What the painting is compared with: content features and style Gram matrices, by layer name
 * (a type, not an interface, so that tf.tidy can return it).
 */
export type StyleTargets = {
  /** P_l [B, H_l, W_l, C_l] of the content photo, per content layer. */
  content: Record<string, tf.Tensor4D>;
  /** G_l(S) [1 or B, C_l, C_l] of the style picture, per style layer. */
  grams: Record<string, tf.Tensor3D>;
};

/**
 * Runs the extractor once on the content batch and once on the style batch (both [B, H, W, 3]) and
 * keeps what every step of {@link styleTransfer} compares with: the content features of
 * `contentLayers` and the Gram matrices of `styleLayers`. A layer the extractor does not give, or
 * a map that is not [B, H, W, C], throws naming the layer and the maps it does give; nothing is
 * left behind on error (the work runs inside tf.tidy).
 *
 * @example
 * const targets = styleTargets('styleTransfer', extractor, content, style, ['scale3'], ['scale3', 'scale5']);
 *
 * In plain words: measure the photo and the painting's model once, before the brush moves.
 */
export function styleTargets(
  fn: string,
  extractor: FeatureExtractor,
  content: tf.Tensor4D,
  style: tf.Tensor4D,
  contentLayers: readonly string[],
  styleLayers: readonly string[],
): StyleTargets {
  return tf.tidy(() => {
    const contentFeatures = pick(fn, 'contentLayers', extractor(content), contentLayers);
    const styleFeatures = pick(fn, 'styleLayers', extractor(style), styleLayers);
    return {
      content: contentFeatures,
      grams: Object.fromEntries(styleLayers.map((name) => [name, gramMatrix(styleFeatures[name] as tf.Tensor4D)])),
    };
  });
}

/**
 * The extractor's maps named in `layers`, each checked to be a float32 [B, H, W, C]; throws
 * `fn: expected styleLayers among the extractor's feature maps (scale3, scale5), got 'conv9'`.
 *
 * @example
 * const features = pick('styleTransfer', 'styleLayers', extractor(images), ['scale3']);
 *
 * In plain words: take the measurements asked for, and say which exist when one does not.
 */
export function pick(
  fn: string,
  argument: string,
  features: Record<string, tf.Tensor4D>,
  layers: readonly string[],
): Record<string, tf.Tensor4D> {
  if (features === null || typeof features !== 'object')
    throw new ArgumentError(fn, `expected extractor to return { name: tensor } feature maps, got ${typeof features}`);
  const available = Object.keys(features);
  const missing = layers.find((name) => !(features[name] instanceof tf.Tensor));
  if (missing !== undefined)
    throw new ArgumentError(
      fn,
      `expected ${argument} among the extractor's feature maps (${available.join(', ')}), got '${missing}'`,
    );
  for (const name of layers) {
    const map = features[name] as tf.Tensor;
    if (map.rank !== 4 || map.dtype !== 'float32' || map.shape.some((size) => size < 1))
      throw new ShapeError(
        fn,
        `expected the extractor's feature map '${name}' to be float32 [B, H, W, C] with every size >= 1, ` +
          `got ${map.dtype} ${describeShape(map.shape)}`,
      );
  }
  return Object.fromEntries(layers.map((name) => [name, features[name] as tf.Tensor4D]));
}
