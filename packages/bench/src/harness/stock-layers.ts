import * as tf from '@tensorflow/tfjs-core';
import type * as tfl from '@tensorflow/tfjs-layers';
import { seededWeight } from './seeded-tensors.js';

/**
 * Overwrites every weight of a built stock tfjs-layers layer or model with seeded values, so
 * every backend starts from the same numbers (tfjs initialisers draw unseeded random numbers).
 *
 * @example seedStockWeights(model, 7);
 *
 * In plain words: the same starting point everywhere, so results can be compared.
 */
export function seedStockWeights(target: tfl.layers.Layer | tfl.LayersModel, seed: number): void {
  const values = target.weights.map((weight, index) => seededWeight(weight.shape as number[], seed + index));
  target.setWeights(values);
  tf.dispose(values);
}

/** The trainable tf.Variables of a stock layer or model, in a fixed order (for tf.variableGrads). */
export function stockTrainableVariables(target: tfl.layers.Layer | tfl.LayersModel): tf.Variable[] {
  return target.trainableWeights.map((weight) => weight.read() as tf.Variable);
}

/** Disposes a stock layer's or model's weights (tfjs-layers keeps them otherwise). */
export function disposeStockWeights(target: tfl.layers.Layer | tfl.LayersModel): void {
  for (const weight of target.weights) weight.dispose();
}
