import * as tf from '@tensorflow/tfjs-core';
import { ArgumentError } from '@baihua/core';
import type { CardiacCase } from './cardiac-phantom.js';

/**
 * Every phase of the given cases as training data for a segmenter: x = images [N, D, H, W, 1]
 * and y = masks [N, D, H, W, 1] (float32 0/1), N the total number of phases, in case order. All
 * cases must share one grid. The caller owns (and disposes) both tensors.
 *
 * @example
 * const { x, y } = cineTensors(cardiacPhantomCases(2026, 30)); // fit(model, { x, y }, { loss: diceBceLoss })
 *
 * In plain words: stack every frame of every scan into one pile, with the answers beside it.
 */
export function cineTensors(cases: readonly CardiacCase[]): { x: tf.Tensor5D; y: tf.Tensor5D } {
  const fn = 'cineTensors';
  if (!Array.isArray(cases) || cases.length === 0)
    throw new ArgumentError(fn, `expected cases to be a non-empty array of phantom cases, got ${String(cases)}`);
  const shape = (cases[0] as CardiacCase).shape;
  cases.forEach((c: CardiacCase, i: number) => {
    if (c.shape.some((s: number, a: number) => s !== shape[a]))
      throw new ArgumentError(
        fn,
        `expected every case on the grid [${shape}] of cases[0], got [${c.shape}] at cases[${i}]`,
      );
  });
  const phases = cases.reduce((n, c) => n + c.phases, 0);
  const size = shape[0] * shape[1] * shape[2];
  const images = new Float32Array(phases * size);
  const masks = new Float32Array(phases * size);
  let offset = 0;
  for (const c of cases) {
    images.set(c.images, offset);
    masks.set(c.masks, offset);
    offset += c.phases * size;
  }
  const full: [number, number, number, number, number] = [phases, ...shape, 1];
  return { x: tf.tensor5d(images, full), y: tf.tensor5d(masks, full) };
}
