import * as tf from '@tensorflow/tfjs-core';
import { Adam, cosineDecay, fit, type History, type Model, type ProgressMode } from '@baihua/core';
import {
  cardiacPhantomCases,
  cineTensors,
  diceBceLoss,
  unet3dLite,
  type CardiacCase,
  type CardiacPhantomOptions,
} from '@baihua/apps/cardiac';

export interface TrainSegmenterOptions {
  /** Training cases (phantom cases 0 .. train - 1). */
  train: number;
  epochs: number;
  seed?: number;
  batchSize?: number;
  learningRate?: number;
  /** U-Net channels at full resolution. Default 4. */
  filters?: number;
  convolutionsPerBlock?: number;
  phantom?: CardiacPhantomOptions;
  progress?: ProgressMode;
}

export interface TrainSegmenterResult {
  model: Model;
  history: History;
  /** Training time (fit only), seconds. */
  seconds: number;
  /** Phases (volumes) trained on. */
  volumes: number;
  trainCases: CardiacCase[];
}

/**
 * Trains the 3D U-Net-lite on every phase of `train` synthetic cases: Dice + BCE loss, Adam with a
 * cosine-decayed learning rate, seeded shuffling. The held-out cases are never seen here.
 */
export async function trainSegmenter(options: TrainSegmenterOptions): Promise<TrainSegmenterResult> {
  const { seed = 2026, batchSize = 4, learningRate = 5e-3, filters = 4, convolutionsPerBlock = 2 } = options;
  const trainCases = cardiacPhantomCases(seed, options.train, options.phantom);
  const data = cineTensors(trainCases);
  const model = unet3dLite({ inputShape: trainCases[0]!.shape, filters, convolutionsPerBlock, seed });
  const optimizer = new Adam({ learningRate });
  const started = performance.now();
  try {
    const history = await fit(model, data, {
      loss: diceBceLoss,
      optimizer,
      epochs: options.epochs,
      batchSize,
      seed,
      learningRate: cosineDecay(),
      progress: options.progress ?? 'auto',
    });
    const seconds = (performance.now() - started) / 1000;
    return { model, history, seconds, volumes: data.x.shape[0], trainCases };
  } finally {
    optimizer.dispose();
    tf.dispose([data.x, data.y]);
  }
}
