import type * as tf from '@tensorflow/tfjs-core';
import type { LayerWeight } from '../layers/layer-weight.js';
import type { TrainingCallbacks, TrainingControl } from './callbacks.js';
import type { ComputedStep } from './step-computation.js';

/**
 * What `fit` shows a callback's `onStep` once per training step, after the gradients are computed
 * and before the optimiser applies them. Every tensor is fit's: valid only during the call (fit frees
 * them after it), never to be disposed or kept by the callback (copy with tf.clone to keep one).
 */
export interface StepTensors {
  /** 0-based epoch, batch within the epoch, and step counted over the whole fit call. */
  epoch: number;
  batch: number;
  step: number;
  /**
   * Each trainable weight that got a gradient (weight.layer.name and weight.name say which) with its
   * RAW gradient, of the weight's shape: before weight decay and clipping, so an explosion shows even
   * when clipping hides it from the update.
   */
  gradients: readonly { weight: LayerWeight; gradient: tf.Tensor }[];
  /** The model's outputs on the batch (training mode), one per output, in the model's order. */
  predictions: readonly tf.Tensor[];
  /** The batch's labels, one per output, in the same order. */
  labels: readonly tf.Tensor[];
  /** The weighted total loss the gradients are of. */
  loss: tf.Scalar;
}

/** Calls every `onStep` of fit's callbacks; made only when one defines it (see {@link stepObserver}). */
export interface StepObserver {
  /** Shows one computed step (made with `keepRaw`) to the callbacks; counts fit's global step. */
  observe(computed: ComputedStep, epoch: number, batch: number, labels: readonly tf.Tensor[]): void;
}

/**
 * The plumbing of the `onStep` hook for fit: undefined when no callback defines `onStep`, so that fit
 * then keeps no raw gradient and does nothing extra.
 *
 * @example
 * const observer = stepObserver(callbacks, control);
 * const computed = computeStep(model, weights, xs, ys, { ...settings, keepRaw: observer !== undefined });
 * observer?.observe(computed, epoch, batch, ys);
 *
 * In plain words: a window onto each step for whoever asked to look, and no window for nobody.
 */
export function stepObserver(
  callbacks: readonly TrainingCallbacks[],
  control: TrainingControl,
): StepObserver | undefined {
  const watching = callbacks.filter((c) => c.onStep !== undefined);
  if (watching.length === 0) return undefined;
  let step = 0;
  return {
    observe(computed, epoch, batch, labels) {
      const raw = computed.raw;
      if (raw === undefined) throw new Error('stepObserver: the step was computed without keepRaw');
      const tensors: StepTensors = {
        epoch,
        batch,
        step: step++,
        gradients: raw.gradients,
        predictions: raw.predictions,
        labels,
        loss: computed.loss,
      };
      for (const c of watching) c.onStep?.(tensors, control);
    },
  };
}
