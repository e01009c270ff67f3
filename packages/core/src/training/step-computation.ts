import '../gradients/install.js';
import * as tf from '@tensorflow/tfjs-core';
import type { Layer } from '../layers/layer.js';
import type { LayerWeight } from '../layers/layer-weight.js';
import type { GradientUpdate } from '../optimizers/optimizer.js';
import type { LossFunction } from '../registry/loss-contract.js';
import { accuracyKindOf, countCorrect, type Metric } from './accuracy.js';
import { type ClassWeighting, weightedLoss } from './class-weighting.js';
import { clipGradientsByGlobalNorm, clipGradientsByValue } from './gradient-clipping.js';
import type { StepFigures } from './non-finite.js';
import { sumTensors } from './sum-tensors.js';
import { withTapeCleanup } from './tape-cleanup.js';

/** What one training step does besides the loss: decay, clipping, class weights, what to measure. */
export interface StepSettings {
  loss: LossFunction;
  weightDecay: number;
  clipValue?: number;
  clipNorm?: number;
  classWeighting?: ClassWeighting;
  metrics?: readonly Metric[];
  /** Also sum every raw gradient element, for the non-finite check. */
  sumGradients: boolean;
}

/** A computed but not yet applied step: tensors the caller frees with {@link disposeStep}. */
export interface ComputedStep {
  loss: tf.Scalar;
  /** Correct predictions in the batch, when accuracy is measured. */
  correct?: tf.Scalar;
  /** Sum of every raw gradient element (before decay and clipping), when asked for. */
  gradientSum?: tf.Scalar;
  updates: GradientUpdate[];
}

/**
 * Loss and gradients of the trainable weights on one batch, then g <- g + lambda W for regularised
 * weights (the seed's W <- W - lr (grad + lambda W)) and clipping; the optimiser is not touched, so
 * the caller can look at the figures before applying. On any error everything it made is freed,
 * including what tfjs recorded for the backward pass.
 */
export function computeStep(
  model: Layer,
  weights: readonly LayerWeight[],
  xb: tf.Tensor,
  yb: tf.Tensor,
  settings: StepSettings,
): ComputedStep {
  const variables = weights.map((w) => w.variable);
  let predictions: tf.Tensor | undefined;
  try {
    const { loss, gradients, gradientSum } = tf.tidy(() => {
      const { value, grads } = withTapeCleanup(() =>
        tf.variableGrads(() => {
          const output = model.apply(xb, { training: true });
          predictions = tf.keep(output);
          return weightedLoss(settings.loss, yb, output, settings.classWeighting);
        }, variables),
      );
      const raw: (tf.Tensor | undefined)[] = variables.map((v) => grads[v.name]);
      const present = raw.filter((g): g is tf.Tensor => g !== undefined);
      const sum = settings.sumGradients ? sumTensors(present.map((g) => tf.sum(g))) : undefined;
      const decayed = raw.map((g, i) =>
        g && settings.weightDecay > 0 && (weights[i] as LayerWeight).regularize
          ? tf.add(g, tf.mul(variables[i] as tf.Variable, settings.weightDecay))
          : g,
      );
      const kept = decayed.filter((g): g is tf.Tensor => g !== undefined);
      let clipped = settings.clipValue !== undefined ? clipGradientsByValue(kept, settings.clipValue) : kept;
      if (settings.clipNorm !== undefined) clipped = clipGradientsByGlobalNorm(clipped, settings.clipNorm);
      let k = 0;
      const all = decayed.map((g) => (g === undefined ? undefined : (clipped[k++] as tf.Tensor)));
      return { loss: value, gradients: all, gradientSum: sum as tf.Scalar | undefined };
    });
    const updates = gradients.flatMap((g, i) =>
      g === undefined ? [] : [{ variable: variables[i] as tf.Variable, gradient: g }],
    );
    const step: ComputedStep = { loss, gradientSum, updates };
    try {
      const output = predictions as tf.Tensor;
      const kind = accuracyKindOf(settings.loss, settings.metrics, output.shape.at(-1) ?? 1);
      if (kind !== undefined) step.correct = countCorrect(yb, output, kind);
    } catch (error) {
      disposeStep(step);
      throw error;
    }
    return step;
  } finally {
    predictions?.dispose();
  }
}

/** Reads loss, gradient sum and correct count in one device read: [loss, gradientSum, correct]. */
export async function readStepFigures(step: ComputedStep): Promise<StepFigures & { correct: number }> {
  const zero = tf.scalar(0);
  const stacked = tf.stack([step.loss, step.gradientSum ?? zero, step.correct ?? zero]);
  try {
    const [loss, gradientSum, correct] = Array.from(await stacked.data()) as [number, number, number];
    return { loss, gradientSum, correct };
  } finally {
    tf.dispose([zero, stacked]);
  }
}

/** Frees every tensor of a step (after applying it, or instead of applying it). */
export function disposeStep(step: ComputedStep): void {
  tf.dispose([step.loss, ...step.updates.map((u) => u.gradient)]);
  if (step.correct) step.correct.dispose();
  if (step.gradientSum) step.gradientSum.dispose();
}
