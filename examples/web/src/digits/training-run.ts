// One training run in the page: a fresh LeNet-5 (examples/mnist-lenet's first recipe: dropout 0.2,
// Adam with cosine decay, 2-pixel shifts; no batch norm, whose running averages need hundreds of
// steps before the model predicts well, more than a short run in a page has) fitted with core's fit
// on the first `train` digits and checked after every epoch on held-out digits. It can be paused
// between batches and resumed, or stopped (after the current epoch: fit's stopTraining).
import * as tf from '@tensorflow/tfjs-core';
import { Adam, cosineDecay, fit, type Sequential } from '@baihua/core';
import { createAugmenter, lenet5 } from '@baihua/cnn';
import { digitTensors, heldOutStart, type DigitSet } from './mnist-digits.js';
import type { EpochRow } from './training-chart.js';

/** What the page asks for. */
export interface TrainingSettings {
  train: number;
  epochs: number;
  batchSize: number;
  /** Held-out digits evaluated after every epoch. */
  validation: number;
  seed: number;
}

/** Softmax cross-entropy on logits, mean over the batch. */
const crossEntropy = (labels: tf.Tensor, logits: tf.Tensor): tf.Scalar =>
  tf.losses.softmaxCrossEntropy(labels, logits) as tf.Scalar;

/**
 * A run that can be paused, resumed and stopped while `train` is under way: a pause takes hold at
 * the end of the batch under way; stop ends the run after the current epoch.
 * @example
 * const run = new TrainingRun();
 * const model = await run.train(digits, { train: 2048, epochs: 3, batchSize: 64, validation: 500, seed: 2026 }, hooks);
 * In plain words: a training session with a pause button.
 */
export class TrainingRun {
  private resumeWaiters: (() => void)[] = [];
  private pausedNow = false;
  private stopAsked = false;

  get paused(): boolean {
    return this.pausedNow;
  }

  pause(): void {
    this.pausedNow = true;
  }

  resume(): void {
    this.pausedNow = false;
    for (const wake of this.resumeWaiters.splice(0)) wake();
  }

  /** Ends the run after the current epoch (resuming it first if paused). */
  stop(): void {
    this.stopAsked = true;
    this.resume();
  }

  /**
   * Trains a new LeNet-5 and returns it; `onBatch(loss)` after every batch, `onEpoch(row)` after
   * every epoch, `onModel(model)` before it (so the page can predict with the model as it learns).
   */
  async train(
    digits: DigitSet,
    settings: TrainingSettings,
    hooks: { onBatch(loss: number): void; onEpoch(row: EpochRow): void; onModel(model: Sequential): void },
  ): Promise<Sequential> {
    const train = digitTensors(digits, 0, settings.train);
    const validation = digitTensors(digits, heldOutStart, settings.validation);
    const model = lenet5({ seed: settings.seed, dropout: 0.2 });
    const optimizer = new Adam({ learningRate: 2e-3 });
    try {
      await fit(model, train, {
        loss: crossEntropy,
        metrics: ['accuracy'],
        optimizer,
        epochs: settings.epochs,
        batchSize: settings.batchSize,
        seed: settings.seed,
        validationData: validation,
        learningRate: cosineDecay(),
        augment: createAugmenter({ crop: { padding: 2 } }),
        progress: 'none',
        callbacks: {
          onBatchEnd: async (_batch, logs, control) => {
            hooks.onBatch(logs.loss);
            if (this.pausedNow) await new Promise<void>((wake) => this.resumeWaiters.push(wake));
            if (this.stopAsked) control.stopTraining();
          },
          onEpochEnd: (epoch, logs) => {
            hooks.onModel(model);
            hooks.onEpoch({
              epoch: epoch + 1,
              loss: logs.loss as number,
              accuracy: logs.accuracy as number,
              valAccuracy: logs.valAccuracy as number,
              seconds: logs.seconds as number,
            });
          },
        },
      });
      return model;
    } catch (error) {
      model.dispose();
      throw error;
    } finally {
      optimizer.dispose();
      tf.dispose([train.x, train.y, validation.x, validation.y]);
    }
  }
}
