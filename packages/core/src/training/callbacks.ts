import type { Layer } from '../layers/layer.js';
import type { History } from './history.js';
import type { StepTensors } from './step-tensors.js';

/** Per-epoch figures: loss, accuracy, valLoss, valAccuracy, learningRate, seconds. */
export type EpochLogs = Record<string, number>;

/** Passed to every callback: the model, and a way to end training after this epoch. */
export interface TrainingControl {
  readonly model: Layer;
  /** Stop after the current epoch (early stopping). */
  stopTraining(): void;
}

/**
 * Hooks `fit` calls. All optional; each may return a promise, which `fit` awaits.
 * `onBatchEnd` gets the batch's loss, read from the device once per batch (only when a batch
 * callback or a terminal progress bar asks for it).
 */
export interface TrainingCallbacks {
  onTrainBegin?(control: TrainingControl): void | Promise<void>;
  onEpochBegin?(epoch: number, control: TrainingControl): void | Promise<void>;
  /**
   * Once per training step, after the gradients are computed and before the optimiser applies them:
   * the step's raw gradients, predictions, labels and loss (see {@link StepTensors}; valid only during
   * the call, fit frees them after). Synchronous: fit does not await it. Only when some callback
   * defines it does fit keep the raw gradients and predictions for it.
   */
  onStep?(step: StepTensors, control: TrainingControl): void;
  onBatchEnd?(batch: number, logs: { loss: number; size: number }, control: TrainingControl): void | Promise<void>;
  onEpochEnd?(epoch: number, logs: EpochLogs, control: TrainingControl): void | Promise<void>;
  onTrainEnd?(history: History, control: TrainingControl): void | Promise<void>;
}
