import * as tf from '@tensorflow/tfjs-core';
import { contentLoss, styleLoss, totalVariationLoss } from '@baihua/losses';
import type { FeatureExtractor } from './random-feature-extractor.js';
import { pick, type StyleTargets } from './style-targets.js';

/** A layer name and its weight w_l. */
export interface LayerWeight {
  name: string;
  weight: number;
}

/** The weights of {@link styleObjective}: per layer, and alpha, beta, gamma for the three terms. */
export interface ObjectiveWeights {
  contentWeights: readonly LayerWeight[];
  styleWeights: readonly LayerWeight[];
  termWeights: { content: number; style: number; totalVariation: number };
}

/**
 * The style-transfer objective of images x [B, H, W, 3] (Gatys et al., the seed's 艺术风格迁移):
 *   content = sum_l w_l contentLoss(F_l(x), P_l)            (1/2 sum (F - P)^2 per layer)
 *   style   = sum_l w_l styleLoss(F_l(x), G_l(S))           (sum (G(F) - G(S))^2 per layer)
 *   tv      = totalVariationLoss(x)                         (squared neighbour differences)
 *   total   = alpha content + beta style + gamma tv
 * Returns the scalar `total` (to differentiate) and `terms` = [content, style, tv, total] (to log);
 * call it inside tf.tidy or tf.variableGrads.
 *
 * @example
 * const { total, terms } = styleObjective(image, extractor, targets, weights);
 *
 * In plain words: how far the painting is from the photo's layout, from the style's texture, and
 * from being smooth, added with the weights the user chose.
 */
export function styleObjective(
  images: tf.Tensor4D,
  extractor: FeatureExtractor,
  targets: StyleTargets,
  weights: ObjectiveWeights,
): { total: tf.Scalar; terms: tf.Tensor1D } {
  const names = [...weights.contentWeights, ...weights.styleWeights].map((layer) => layer.name);
  const features = pick('styleTransfer', 'layers', extractor(images), [...new Set(names)]);
  const weighted = (layers: readonly LayerWeight[], loss: (layer: LayerWeight) => tf.Scalar): tf.Scalar =>
    layers.reduce((sum, layer) => tf.add(sum, tf.mul(loss(layer), layer.weight)), tf.scalar(0));
  const content = weighted(weights.contentWeights, ({ name }) =>
    contentLoss(features[name] as tf.Tensor4D, targets.content[name] as tf.Tensor4D),
  );
  const style = weighted(weights.styleWeights, ({ name }) =>
    styleLoss(features[name] as tf.Tensor4D, targets.grams[name] as tf.Tensor3D),
  );
  const tv = totalVariationLoss(images);
  const { termWeights } = weights;
  const total = tf.addN([
    tf.mul(content, termWeights.content),
    tf.mul(style, termWeights.style),
    tf.mul(tv, termWeights.totalVariation),
  ]) as tf.Scalar;
  return { total, terms: tf.stack([content, style, tv, total]) as tf.Tensor1D };
}
