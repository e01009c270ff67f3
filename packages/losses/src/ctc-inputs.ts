import type * as tf from '@tensorflow/tfjs-core';
import { ArgumentError, assertDtype, assertKnownOptions, assertOneOf, assertRank } from '@baihua/core';
import {
  assertBoolean,
  checkLengthList,
  checkTargetRows,
  describeLayout,
  layoutSuggestion,
  readCtcLayout,
} from './ctc-layout.js';
import { checkTargetValues } from './ctc-target-values.js';
import { optionKeys } from './option-keys.js';
import { type Reduction, checkReduction } from './reduction.js';

/** What to do with a target that cannot fit its input length (too few frames for labels plus repeats). */
export type CtcInfeasible = 'throw' | 'infinity' | 'zero';

/** Arguments of {@link ctcLoss} (and of {@link validateCtcInputs}). */
export interface CtcLossOptions {
  /**
   * Scores [N, T, C] float32 ([T, N, C] with timeMajor): raw logits (fromLogits true) or
   * log-probabilities (fromLogits false). Frames past each input length are never read: any value
   * there (NaN, +-Infinity) leaves the loss unchanged and gets a gradient of exactly 0.
   */
  logits: tf.Tensor;
  /** Label sequences [N, S] int32, or number[][]; entries past each target length are ignored (any value). */
  targets: tf.Tensor | readonly (readonly number[])[];
  /** Frames used per sequence, each an integer in [0, T]. */
  inputLengths: readonly number[];
  /** Labels used per sequence, each an integer in [0, S]. */
  targetLengths: readonly number[];
  /** Index of the blank class. Default 0. */
  blank?: number;
  /**
   * 'mean' (PyTorch: each loss divided by its target length, then averaged), 'sum', or 'none' ([N]).
   * Default 'mean'.
   */
  reduction?: Reduction;
  /**
   * Default 'throw' (checked synchronously for JS-array targets; tensor targets give Infinity: use
   * validateCtcInputs).
   */
  onInfeasible?: CtcInfeasible;
  /**
   * true (default): `logits` are raw scores, log-softmax is applied inside. false: they already are
   * log-probabilities (log-softmax output; -Infinity for a probability of 0 is fine) and are used as given.
   */
  fromLogits?: boolean;
  /** false (default): [N, T, C]. true: [T, N, C], the layout of PyTorch's ctc_loss and TensorFlow's default. */
  timeMajor?: boolean;
}

/** The checked arguments, with defaults filled in. */
export interface CheckedCtcInputs {
  batch: number;
  frames: number;
  numClasses: number;
  /** Width S of the padded targets (at least 1). */
  width: number;
  blank: number;
  reduction: Reduction;
  onInfeasible: CtcInfeasible;
  fromLogits: boolean;
  timeMajor: boolean;
}

const ctcLossKeys = optionKeys<CtcLossOptions>({
  logits: true,
  targets: true,
  inputLengths: true,
  targetLengths: true,
  blank: true,
  reduction: true,
  onInfeasible: true,
  fromLogits: true,
  timeMajor: true,
});

/**
 * Checks every key, shape, dtype, option and length synchronously; for JS-array targets also the
 * label values and (with onInfeasible 'throw') that each target fits its input length. A batch or
 * length that fits only the other layout gets an error that names the layout and suggests timeMajor.
 */
export function checkCtcInputs(options: CtcLossOptions, functionName = 'ctcLoss'): CheckedCtcInputs {
  if (typeof options !== 'object' || options === null || Array.isArray(options))
    throw new ArgumentError(
      functionName,
      `expected an options object { logits, targets, inputLengths, targetLengths }, got ${String(options)}`,
    );
  assertKnownOptions(functionName, 'options', options, ctcLossKeys);
  const { logits, targets, inputLengths, targetLengths, blank = 0, onInfeasible = 'throw' } = options;
  const { fromLogits = true, timeMajor = false } = options;
  assertBoolean(functionName, 'fromLogits', fromLogits);
  assertBoolean(functionName, 'timeMajor', timeMajor);
  assertRank(functionName, 'logits', logits, 3);
  assertDtype(functionName, 'logits', logits, 'float32');
  const { batch, frames, classes: numClasses } = readCtcLayout(logits.shape, timeMajor);
  const reduction = checkReduction(functionName, options.reduction);
  assertOneOf(functionName, 'onInfeasible', onInfeasible, ['throw', 'infinity', 'zero'] as const);
  if (!Number.isInteger(blank) || blank < 0 || blank >= numClasses) {
    throw new ArgumentError(
      functionName,
      `expected blank to be a class index in [0, ${numClasses - 1}], got ${String(blank)}`,
    );
  }
  const layout = describeLayout('logits', logits.shape, timeMajor);
  const rows = Array.isArray(targets) ? targets.length : (targets as tf.Tensor | undefined)?.shape?.[0];
  const hint = layoutSuggestion(logits.shape, timeMajor, inputLengths, rows);
  const lengths = { batch, layout, hint };
  checkLengthList(functionName, 'inputLengths', inputLengths, lengths, frames);
  const rowLengths = checkTargetRows(functionName, targets, lengths);
  checkLengthList(functionName, 'targetLengths', targetLengths, lengths, Infinity);
  targetLengths.forEach((length, n) => {
    if (length > (rowLengths[n] as number)) {
      throw new ArgumentError(
        functionName,
        `expected targetLengths[${n}] <= ${rowLengths[n]} (the length of targets row ${n}), got ${length}`,
      );
    }
  });
  if (Array.isArray(targets)) {
    const context = { inputLengths, targetLengths, numClasses, blank, onInfeasible };
    checkTargetValues(functionName, targets as readonly (readonly number[])[], context);
  }
  const width = Math.max(1, ...targetLengths);
  return { batch, frames, numClasses, width, blank, reduction, onInfeasible, fromLogits, timeMajor };
}
