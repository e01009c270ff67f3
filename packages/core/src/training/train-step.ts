import '../gradients/install.js';
import * as tf from '@tensorflow/tfjs-core';
import type { Layer } from '../layers/layer.js';
import type { LayerWeight } from '../layers/layer-weight.js';
import type { Optimizer } from '../optimizers/optimizer.js';
import type { LossFunction } from '../registry/loss-contract.js';
import { countCorrect } from './evaluate.js';
import { clipGradientsByGlobalNorm, clipGradientsByValue } from './gradient-clipping.js';

/** What one training step does besides loss and optimiser. */
export interface TrainStepSettings {
  weightDecay: number;
  clipValue?: number;
  clipNorm?: number;
  /** Class of each row of this batch and the weight of each class (class-weighted loss). */
  classWeighting?: { classes: readonly number[]; weights: ReadonlyMap<number, number> };
  accuracy: boolean;
}

/**
 * One optimisation step on a batch: loss and gradients of the trainable weights, then
 * g <- g + lambda W for regularised weights (the seed's W <- W - lr (grad + lambda W)),
 * clipping, and the optimiser's update. Returns the batch loss and correct count as tensors
 * (the caller disposes them); everything else is freed.
 *
 * With class weights, the batch loss is sum_c (n_c / B) w_c L(rows of class c): the mean of
 * w_class(i) * loss_i when the loss is a mean over rows.
 */
export function trainStep(
  model: Layer,
  weights: readonly LayerWeight[],
  optimizer: Optimizer,
  loss: LossFunction,
  xb: tf.Tensor,
  yb: tf.Tensor,
  settings: TrainStepSettings,
): { loss: tf.Scalar; correct: tf.Scalar | undefined } {
  const variables = weights.map((w) => w.variable);
  let predictions: tf.Tensor | undefined;
  const { lossValue, gradients } = tf.tidy(() => {
    const { value, grads } = tf.variableGrads(() => {
      const output = model.apply(xb, { training: true });
      predictions = tf.keep(output);
      return weightedLoss(loss, yb, output, settings.classWeighting);
    }, variables);
    let list: (tf.Tensor | undefined)[] = variables.map((v) => grads[v.name]);
    list = list.map((g, i) =>
      g && settings.weightDecay > 0 && (weights[i] as LayerWeight).regularize
        ? tf.add(g, tf.mul(variables[i] as tf.Variable, settings.weightDecay))
        : g,
    );
    const present = list.filter((g): g is tf.Tensor => g !== undefined);
    let clipped = settings.clipValue !== undefined ? clipGradientsByValue(present, settings.clipValue) : present;
    if (settings.clipNorm !== undefined) clipped = clipGradientsByGlobalNorm(clipped, settings.clipNorm);
    let k = 0;
    return {
      lossValue: value,
      gradients: list.map((g) => (g === undefined ? undefined : (clipped[k++] as tf.Tensor))),
    };
  });
  const updates = gradients.flatMap((g, i) =>
    g === undefined ? [] : [{ variable: variables[i] as tf.Variable, gradient: g }],
  );
  try {
    optimizer.applyGradients(updates);
  } finally {
    tf.dispose(gradients.filter((g): g is tf.Tensor => g !== undefined));
  }
  const output = predictions as tf.Tensor;
  const correct = settings.accuracy ? countCorrect(yb, output) : undefined;
  output.dispose();
  return { loss: lossValue, correct };
}

function weightedLoss(
  loss: LossFunction,
  yb: tf.Tensor,
  output: tf.Tensor,
  weighting: TrainStepSettings['classWeighting'],
): tf.Scalar {
  if (!weighting) return loss(yb, output);
  const rowsByClass = new Map<number, number[]>();
  weighting.classes.forEach((c, row) => {
    const rows = rowsByClass.get(c) ?? [];
    rows.push(row);
    rowsByClass.set(c, rows);
  });
  const batch = weighting.classes.length;
  const parts: tf.Scalar[] = [];
  for (const [c, rows] of rowsByClass) {
    const weight = weighting.weights.get(c) ?? 1;
    if (weight === 0) continue;
    const index = tf.tensor1d(rows, 'int32');
    parts.push(tf.mul(loss(tf.gather(yb, index), tf.gather(output, index)), (weight * rows.length) / batch));
  }
  return parts.length === 0 ? tf.mul(loss(yb, output), 0) : (tf.addN(parts) as tf.Scalar);
}
