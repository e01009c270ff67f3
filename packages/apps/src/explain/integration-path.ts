import type * as tf from '@tensorflow/tfjs-core';
import { ArgumentError, ShapeError, assertTensor, describeShape } from '@baihua/core';

/** How the path integral of integrated gradients is summed. */
export type RiemannRule = 'trapezoid' | 'midpoint';

/**
 * The points a and weights of an m-step Riemann sum of an integral over [0, 1]:
 * trapezoid a = k/m (k = 0..m), weight 1/m, halved at both ends; midpoint a = (k + 1/2)/m
 * (k = 0..m-1), weight 1/m. The weights add up to 1.
 *
 * @example
 * pathPoints(2, 'trapezoid'); // [{alpha: 0, weight: 0.25}, {alpha: 0.5, weight: 0.5}, {alpha: 1, weight: 0.25}]
 *
 * In plain words: where along the road from blank to real image we look, and how much each look counts.
 */
export function pathPoints(steps: number, rule: RiemannRule): { alpha: number; weight: number }[] {
  if (rule === 'midpoint')
    return Array.from({ length: steps }, (_, k) => ({ alpha: (k + 0.5) / steps, weight: 1 / steps }));
  return Array.from({ length: steps + 1 }, (_, k) => ({
    alpha: k / steps,
    weight: k === 0 || k === steps ? 0.5 / steps : 1 / steps,
  }));
}

/**
 * Throws unless `baseline` is a finite number or a tensor of one image's shape or of the images'
 * shape (its values are checked where it is used).
 *
 * @example
 * checkBaseline('integratedGradients', tf.zeros([32, 32, 1]), images); // passes for images [N, 32, 32, 1]
 *
 * In plain words: the starting image must fit the images we explain.
 */
export function checkBaseline(fn: string, baseline: unknown, images: tf.Tensor): void {
  if (typeof baseline === 'number') {
    if (!Number.isFinite(baseline))
      throw new ArgumentError(fn, `expected options.baseline to be finite, got ${baseline}`);
    return;
  }
  assertTensor(fn, 'options.baseline', baseline);
  const imageShape = images.shape.slice(1);
  const same = (shape: readonly number[], expected: readonly number[]) =>
    shape.length === expected.length && shape.every((s, i) => s === expected[i]);
  if (!same(baseline.shape, imageShape) && !same(baseline.shape, images.shape))
    throw new ShapeError(
      fn,
      `expected options.baseline of shape ${describeShape(imageShape)} or ${describeShape(images.shape)}, ` +
        `got ${describeShape(baseline.shape)}`,
    );
}
