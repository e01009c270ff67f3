import type * as tf from '@tensorflow/tfjs-core';
import { assertKnownOptions } from '../checks/option-keys.js';
import { assertNonNegative } from '../checks/value-checks.js';
import { ArgumentError } from '../errors/argument-error.js';
import type { TrainingCallbacks } from './callbacks.js';

/** Options of {@link earlyStopping}. */
export interface EarlyStoppingOptions {
  /** The epoch log to watch. Default 'valLoss'. */
  monitor?: string;
  /** Epochs without improvement before stopping. Default 5. */
  patience?: number;
  /** Smallest change that counts as improvement. Default 0. */
  minDelta?: number;
  /** 'min' for losses, 'max' for accuracies. Default 'min', or 'max' when monitor contains 'ccuracy'. */
  mode?: 'min' | 'max';
  /** Put back the weights of the best epoch when stopping or at the end. Default false. */
  restoreBestWeights?: boolean;
}

/**
 * A callback that stops `fit` when `monitor` has not improved by `minDelta` for `patience` epochs.
 *
 * @example
 * await fit(model, data, {
 *   loss, epochs: 100, validationSplit: 0.1, callbacks: earlyStopping({ patience: 3, restoreBestWeights: true }),
 * });
 *
 * In plain words: stop studying once the mock exams stop getting better.
 */
export function earlyStopping(options: EarlyStoppingOptions = {}): TrainingCallbacks {
  const known = ['monitor', 'patience', 'minDelta', 'mode', 'restoreBestWeights'];
  assertKnownOptions('earlyStopping', 'options', options, known);
  const { monitor = 'valLoss', patience = 5, minDelta = 0, restoreBestWeights = false } = options;
  const mode = options.mode ?? (/ccuracy/.test(monitor) ? 'max' : 'min');
  assertNonNegative('earlyStopping', 'patience', patience);
  assertNonNegative('earlyStopping', 'minDelta', minDelta);
  let best = Number.NaN;
  let wait = 0;
  let bestWeights: tf.Tensor[] | undefined;
  const release = () => {
    if (bestWeights) for (const t of bestWeights) t.dispose();
    bestWeights = undefined;
  };
  return {
    onTrainBegin() {
      best = Number.NaN;
      wait = 0;
      release();
    },
    onEpochEnd(_epoch, logs, control) {
      const value = logs[monitor];
      if (value === undefined)
        throw new ArgumentError(
          'earlyStopping',
          `monitor '${monitor}' is not among the epoch logs (${Object.keys(logs).join(', ')})`,
        );
      const improved = Number.isNaN(best) || (mode === 'min' ? value < best - minDelta : value > best + minDelta);
      if (improved) {
        best = value;
        wait = 0;
        if (restoreBestWeights) {
          release();
          bestWeights = control.model.getWeights();
        }
      } else if (++wait >= patience) {
        control.stopTraining();
      }
    },
    onTrainEnd(_history, control) {
      if (restoreBestWeights && bestWeights) control.model.setWeights(bestWeights);
      release();
    },
  };
}
