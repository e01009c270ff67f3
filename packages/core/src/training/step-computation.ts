import '../gradients/install.js';
import * as tf from '@tensorflow/tfjs-core';
import type { Layer } from '../layers/layer.js';
import type { LayerWeight } from '../layers/layer-weight.js';
import type { GradientUpdate } from '../optimizers/optimizer.js';
import type { Metric } from './accuracy.js';
import type { ClassWeighting } from './class-weighting.js';
import { clipGradientsByGlobalNorm, clipGradientsByValue } from './gradient-clipping.js';
import { runModel } from './model-io.js';
import type { StepFigures } from './non-finite.js';
import type { OutputLosses } from './output-losses.js';
import {
  accuracyKinds,
  type MeasureLayout,
  measureLayout,
  measuredValues,
  outputLossTerms,
} from './output-measures.js';
import { sumTensors } from './sum-tensors.js';
import { withTapeCleanup } from './tape-cleanup.js';

/** What one training step does besides the loss: decay, clipping, class weights, what to measure. */
export interface StepSettings {
  /** Each output's loss and weight. */
  plan: OutputLosses;
  weightDecay: number;
  clipValue?: number;
  clipNorm?: number;
  classWeighting?: ClassWeighting;
  metrics?: readonly Metric[];
  /** Also sum every raw gradient element, for the non-finite check. */
  sumGradients: boolean;
  /** Also keep the raw gradients and the predictions (for an `onStep` callback). Default false. */
  keepRaw?: boolean;
}

/** A computed but not yet applied step: tensors the caller frees with {@link disposeStep}. */
export interface ComputedStep {
  /** The weighted total loss (what the gradients are of). */
  loss: tf.Scalar;
  /** The batch's measures in `layout` order (loss means, correct counts). */
  measured: tf.Tensor1D;
  layout: MeasureLayout;
  /** Sum of every raw gradient element (before decay and clipping), when asked for. */
  gradientSum?: tf.Scalar;
  updates: GradientUpdate[];
  /** With `keepRaw`: each weight's gradient before decay and clipping, and the model's outputs. */
  raw?: { gradients: { weight: LayerWeight; gradient: tf.Tensor }[]; predictions: tf.Tensor[] };
}

/**
 * Loss and gradients of the trainable weights on one batch (xs and ys in the model's input and
 * output order; loss = sum_k w_k loss_k), then g <- g + lambda W for regularised weights (the seed's
 * W <- W - lr (grad + lambda W)) and clipping; the optimiser is not touched, so the caller can look
 * at the figures before applying. On any error everything it made is freed, including what tfjs
 * recorded for the backward pass.
 */
export function computeStep(
  model: Layer,
  weights: readonly LayerWeight[],
  xs: readonly tf.Tensor[],
  ys: readonly tf.Tensor[],
  settings: StepSettings,
): ComputedStep {
  const variables = weights.map((w) => w.variable);
  let outputs: tf.Tensor[] = [];
  let terms: tf.Scalar[] = [];
  try {
    const { loss, gradients, gradientSum, rawGradients } = tf.tidy(() => {
      const { value, grads } = withTapeCleanup(() =>
        tf.variableGrads(() => {
          const made = runModel(model, xs, true);
          outputs = made.map((o) => tf.keep(o));
          const losses = outputLossTerms(settings.plan, ys, made, settings.classWeighting);
          // One output: its term is the total itself (the loss returned below), not kept twice.
          if (losses.terms.length > 1) terms = losses.terms.map((t) => tf.keep(t));
          return losses.total;
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
      const rawGradients = settings.keepRaw ? raw : [];
      return { loss: value, gradients: all, gradientSum: sum as tf.Scalar | undefined, rawGradients };
    });
    const updates = gradients.flatMap((g, i) =>
      g === undefined ? [] : [{ variable: variables[i] as tf.Variable, gradient: g }],
    );
    try {
      const kinds = accuracyKinds(settings.plan, settings.metrics, outputWidths(outputs));
      const measured = tf.tidy(() => measuredValues(loss, terms, ys, outputs, kinds));
      const step: ComputedStep = { loss, measured, layout: measureLayout(settings.plan, kinds), gradientSum, updates };
      if (settings.keepRaw) {
        const kept = rawGradients.flatMap((g, i) =>
          g === undefined ? [] : [{ weight: weights[i] as LayerWeight, gradient: g }],
        );
        step.raw = { gradients: kept, predictions: outputs };
        outputs = [];
      }
      return step;
    } catch (error) {
      tf.dispose([loss, ...updates.map((u) => u.gradient), ...rawGradients.filter((g) => g !== undefined)]);
      gradientSum?.dispose();
      throw error;
    }
  } finally {
    tf.dispose([...outputs, ...terms]);
  }
}

/** Each output's last axis (the class count of a classifier). */
export function outputWidths(outputs: readonly tf.Tensor[]): number[] {
  return outputs.map((o) => o.shape.at(-1) ?? 1);
}

/** Reads the gradient sum and the measures in one device read; `loss` is the first measure. */
export async function readStepFigures(step: ComputedStep): Promise<StepFigures & { values: number[] }> {
  const stacked = tf.tidy(() => tf.concat([tf.reshape(step.gradientSum ?? tf.scalar(0), [1]), step.measured]));
  try {
    const [gradientSum, ...values] = Array.from(await stacked.data()) as [number, ...number[]];
    return { loss: values[0] as number, gradientSum, values };
  } finally {
    stacked.dispose();
  }
}

/** Frees every tensor of a step (after applying it, or instead of applying it). */
export function disposeStep(step: ComputedStep): void {
  tf.dispose([step.loss, step.measured, ...step.updates.map((u) => u.gradient)]);
  // A raw gradient may be the update's own tensor (no decay, no clipping): tf.dispose skips it then.
  if (step.raw) tf.dispose([...step.raw.gradients.map((g) => g.gradient), ...step.raw.predictions]);
  if (step.gradientSum) step.gradientSum.dispose();
}
