import { assertKnownOptions } from '../checks/option-keys.js';
import { assertNonNegative, assertPositive } from '../checks/value-checks.js';
import { ArgumentError } from '../errors/argument-error.js';
import type { Layer } from '../layers/layer.js';
import type { LayerWeight } from '../layers/layer-weight.js';
import { Optimizer } from '../optimizers/optimizer.js';
import { checkMetrics, type Metric } from './accuracy.js';
import { type ClassWeights, parseClassWeights, readClasses } from './class-weighting.js';
import { arrangeLabelledData, type LabelledData, modelSlots } from './labelled-data.js';
import { ensureModelBuilt } from './model-io.js';
import { nonFiniteError } from './non-finite.js';
import { checkLossOptions, type LossSpec, type OutputLosses, resolveOutputLosses } from './output-losses.js';
import { computeStep, disposeStep, readStepFigures } from './step-computation.js';
import type * as tf from '@tensorflow/tfjs-core';

/** Options of {@link trainStep}; `fit` takes the same ones (its optimiser is optional). */
export interface TrainStepOptions {
  /**
   * `(labels, predictions) => Scalar`, a mean over the batch, for every output; or, for a model with
   * several outputs, a record `{ [outputName]: loss }` naming each output. Required.
   */
  loss: LossSpec;
  /** Weight of each output's loss, `{ [outputName]: weight }` (>= 0, default 1): loss = sum_k w_k loss_k. */
  lossWeights?: Readonly<Record<string, number>>;
  /** Required: in a custom loop the caller creates the optimiser, keeps its state and disposes it. */
  optimizer: Optimizer;
  /** L2 decay lambda on kernels: g <- g + lambda W. Default 0. */
  weightDecay?: number;
  /** Clip each gradient element into [-clipValue, clipValue]. */
  clipValue?: number;
  /** Rescale all gradients when their global norm exceeds clipNorm. */
  clipNorm?: number;
  /**
   * Loss weight per class index, as an array or `{ [class]: weight }`; missing classes weigh 1. One-output
   * models with one class per row: labels [batch] (indices; binary 0/1, rounded) or [batch, classes].
   */
  classWeights?: ClassWeights;
  /** `['accuracy']` to measure accuracy; default: only when the loss is a classification loss. */
  metrics?: readonly Metric[];
  /** Throw, before updating any weight, when the loss or a gradient is NaN or infinite. Default true. */
  stopOnNonFinite?: boolean;
}

/**
 * What {@link trainStep} measured on its batch (before the update): `loss` (the weighted total);
 * for a model with several outputs also `loss.<output>` for each and `accuracy.<output>` where measured.
 */
export interface TrainStepResult {
  loss: number;
  /** Fraction of the batch predicted right, when accuracy is measured (one-output models). */
  accuracy?: number;
  [measure: string]: number | undefined;
}

/** The option keys every training step takes. */
export const stepOptionKeys = [
  'loss',
  'lossWeights',
  'optimizer',
  'weightDecay',
  'clipValue',
  'clipNorm',
  'classWeights',
  'metrics',
  'stopOnNonFinite',
] as const;

/** Checks the options a step uses (shared by fit and trainStep); returns the class weights as a map. */
export function checkStepOptions(fn: string, options: Omit<TrainStepOptions, 'optimizer'>) {
  checkLossOptions(fn, options.loss, options.lossWeights);
  const { weightDecay = 0, stopOnNonFinite = true } = options;
  assertNonNegative(fn, 'weightDecay', weightDecay);
  if (options.clipValue !== undefined) assertPositive(fn, 'clipValue', options.clipValue);
  if (options.clipNorm !== undefined) assertPositive(fn, 'clipNorm', options.clipNorm);
  if (typeof stopOnNonFinite !== 'boolean')
    throw new ArgumentError(fn, `expected stopOnNonFinite to be true or false, got ${String(stopOnNonFinite)}`);
  checkMetrics(fn, options.metrics);
  const classWeights = options.classWeights === undefined ? undefined : parseClassWeights(fn, options.classWeights);
  return { weightDecay, stopOnNonFinite, classWeights };
}

/** Refuses anything but a Layer (a Dense, a Sequential, a graph Model). */
export function assertModel(fn: string, model: unknown): asserts model is Layer {
  if (model === null || typeof model !== 'object' || typeof (model as Layer).applyMulti !== 'function')
    throw new ArgumentError(fn, `expected model to be a Layer, got ${model === null ? 'null' : typeof model}`);
}

/** The model's trainable weights, built for these input shapes (batch first); refuses a model with none. */
export function trainableWeightsOf(
  fn: string,
  model: Layer,
  inputShapes: readonly (readonly number[])[],
): LayerWeight[] {
  ensureModelBuilt(model, inputShapes);
  const weights = model.trainableWeights();
  if (weights.length === 0)
    throw new ArgumentError(fn, `model '${model.name}' has no trainable weights (are all its layers frozen?)`);
  return weights;
}

/**
 * Each output's loss and weight for this model (see resolveOutputLosses); class weights need a
 * model with one output.
 */
export function outputLossesFor(fn: string, model: Layer, options: Omit<TrainStepOptions, 'optimizer'>): OutputLosses {
  const plan = resolveOutputLosses(fn, options.loss, options.lossWeights, modelSlots(model).outputs.names);
  if (options.classWeights !== undefined && plan.losses.length > 1)
    throw new ArgumentError(
      fn,
      `expected classWeights only for a model with one output, got ${plan.losses.length} outputs`,
    );
  return plan;
}

/**
 * One optimisation step on one batch, for custom training loops: loss and gradients of the trainable
 * weights, g <- g + lambda W (weightDecay), clipping (clipValue, clipNorm), class weights, then the
 * optimiser's update, exactly as `fit` does per batch. Reads the device once (loss, a finiteness
 * check and accuracy together; once more with classWeights, for the rows' classes). By default a
 * NaN or infinite loss or gradient throws before any weight changes. Leaves no tensor behind but
 * the optimiser's state.
 * batch: { x: [B, ...], y: [B, K] or [B] }; for several inputs or outputs, x and y are arrays (the
 * model's order) or records by name, and loss may be a record by output name (see fit).
 *
 * @example
 * const optimizer = new Adam({ learningRate: 1e-2 });
 * for (let epoch = 0; epoch < 10; epoch++) {
 *   const { loss } = await trainStep(model, { x, y }, { loss: softmaxCrossEntropy, optimizer, clipNorm: 1 });
 *   console.log(epoch, loss);
 * }
 * optimizer.dispose();
 *
 * In plain words: one nudge of every knob, when you want to hold the training loop yourself.
 */
export async function trainStep(
  model: Layer,
  batch: LabelledData,
  options: TrainStepOptions,
): Promise<TrainStepResult> {
  const fn = 'trainStep';
  assertKnownOptions(fn, 'options', options, stepOptionKeys);
  if (options === undefined) throw new ArgumentError(fn, 'expected an options object with { loss, optimizer }');
  const { weightDecay, stopOnNonFinite, classWeights } = checkStepOptions(fn, options);
  if (!(options.optimizer instanceof Optimizer))
    throw new ArgumentError(fn, 'expected options.optimizer to be an Optimizer (Sgd, Adam, RmsProp)');
  assertModel(fn, model);
  const { xs, ys, rows } = arrangeLabelledData(fn, 'batch', batch, modelSlots(model));
  const plan = outputLossesFor(fn, model, options);
  const weights = trainableWeightsOf(
    fn,
    model,
    xs.map((x) => x.shape),
  );
  const classWeighting = classWeights && { fn, classes: await readClasses(ys[0] as tf.Tensor), weights: classWeights };
  const step = computeStep(model, weights, xs, ys, {
    plan,
    weightDecay,
    clipValue: options.clipValue,
    clipNorm: options.clipNorm,
    classWeighting,
    metrics: options.metrics,
    sumGradients: stopOnNonFinite,
  });
  try {
    const figures = await readStepFigures(step);
    const failure = stopOnNonFinite ? nonFiniteError(fn, 'in this step', figures) : undefined;
    if (failure) throw failure;
    options.optimizer.applyGradients(step.updates);
    const result: TrainStepResult = { loss: figures.loss };
    step.layout.names.forEach((name, i) => {
      const value = figures.values[i] as number;
      result[name] = step.layout.counts[i] ? value / rows : value;
    });
    return result;
  } finally {
    disposeStep(step);
  }
}
