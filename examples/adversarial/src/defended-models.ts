import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as tf from '@tensorflow/tfjs-core';
import { Adam, fit, type Layer, loadModel, type ProgressMode, saveModel } from '@baihua/core';
import '@baihua/cnn'; // registers LeNet-5's layers, so loadModel can rebuild them
import { adversarialBatches } from '@baihua/apps/adversarial';
import { loadDigits } from '@baihua/example-mnist-data';
import { classifierInput } from '@baihua/example-mnist-models';

/** Where the defended models are kept: examples/adversarial/.cache (git-ignored). */
export const defendedCacheDir = fileURLToPath(new URL('../.cache', import.meta.url));

/** The two defences that need training: PGD adversarial training, and Gaussian noise for smoothing. */
export type DefenceKind = 'adversarial' | 'noise';

/** Options of {@link loadOrTrainDefended}. */
export interface DefendedOptions {
  /** The folder of the plain LeNet-5 (examples/mnist-models) both defences fine-tune. */
  plainDirectory: string;
  cacheDir?: string;
  /** Fine-tuning epochs on the 8,000 training digits. Default 3. */
  epochs?: number;
  /** Training digits (the first of mnist-models' seeded split). Default 8000. */
  train?: number;
  /** PGD budget of adversarial training. Default 0.1. */
  epsilon?: number;
  /** Noise of the smoothing base classifier. Default 0.25. */
  sigma?: number;
  seed?: number;
  progress?: ProgressMode;
}

/** softmax cross-entropy on logits, mean over the batch (the mnist-lenet recipe's loss). */
const crossEntropy = (labels: tf.Tensor, logits: tf.Tensor): tf.Scalar =>
  tf.losses.softmaxCrossEntropy(labels, logits) as tf.Scalar;

/**
 * The plain LeNet-5 fine-tuned as a defence, loaded from the cache when present:
 * 'adversarial': every batch of 64 half PGD examples (eps, 7 steps of 2.5 eps / 7, random start)
 * made against the model as it trains (adversarialBatches + core's fit);
 * 'noise': Gaussian noise N(0, sigma^2) added to every training batch (fit's augment), the base
 * classifier Cohen et al. smooth. Adam, learning rate 5e-4.
 */
export async function loadOrTrainDefended(
  kind: DefenceKind,
  options: DefendedOptions,
): Promise<{ model: Layer; fromCache: boolean; seconds: number }> {
  const { cacheDir = defendedCacheDir, epochs = 3, train = 8000, epsilon = 0.1, sigma = 0.25, seed = 2026 } = options;
  const setting = kind === 'adversarial' ? `eps${epsilon}` : `sigma${sigma}`;
  const directory = join(cacheDir, `lenet-${kind}-${setting}-train${train}-epochs${epochs}-seed${seed}`);
  if (existsSync(join(directory, 'model.json')))
    return { model: await loadModel(directory), fromCache: true, seconds: 0 };
  const model = await loadModel(options.plainDirectory);
  const split = loadDigits({ train, test: 2000, seed, padding: 2 }).train;
  const data = classifierInput('lenet', split);
  const optimizer = new Adam({ learningRate: 5e-4 });
  const started = performance.now();
  try {
    const common = { loss: crossEntropy, optimizer, epochs, seed, progress: options.progress ?? 'none' };
    if (kind === 'adversarial') {
      const batches = await adversarialBatches(model, data, {
        epsilon,
        iterations: 7,
        fraction: 0.5,
        batchSize: 64,
        seed,
      });
      await fit(model, batches, common);
    } else {
      const augment = (x: tf.Tensor, random: { integer(n: number): number }) =>
        tf.tidy(() => tf.add(x, tf.randomNormal(x.shape, 0, sigma, 'float32', random.integer(2 ** 31))));
      await fit(model, data, { ...common, batchSize: 64, augment });
    }
    const seconds = (performance.now() - started) / 1000;
    await saveModel(model, directory);
    writeFileSync(
      join(directory, 'recipe.json'),
      `${JSON.stringify({ kind, epsilon, sigma, epochs, train, seconds })}\n`,
    );
    return { model, fromCache: false, seconds };
  } finally {
    optimizer.dispose();
    tf.dispose([data.x, data.y]);
  }
}
