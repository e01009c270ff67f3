import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as tf from '@tensorflow/tfjs-core';
import {
  ArgumentError,
  assertKnownOptions,
  assertOneOf,
  assertPositiveInteger,
  loadModel,
  predict,
  saveModel,
  type Layer,
  type ProgressMode,
} from '@baihua/core';
import '@baihua/cnn'; // registers LeNet-5's layers, so loadModel can rebuild them
import { loadDigits, type DigitSplit } from '@baihua/example-mnist-data';
import { trainLenet } from '@baihua/example-mnist-lenet/train-lenet';
import { trainMlp } from '@baihua/example-mnist-mlp/train-mlp';
import { classifierInput, type MnistClassifierKind } from './classifier-input.js';

/** The cache folder used when none is given: examples/mnist-models/.cache (git-ignored). */
export const defaultCacheDir = fileURLToPath(new URL('../.cache', import.meta.url));

/** Options of {@link loadOrTrainMnistClassifier}; every count and the seed are part of the cache key. */
export interface LoadOrTrainOptions {
  kind: MnistClassifierKind;
  /** Where trained models are kept, one folder per (kind, train, test, epochs, seed). Default {@link defaultCacheDir}.
   */
  cacheDir?: string;
  /** Training epochs. Default 10 (LeNet-5) and 10 (MLP): the examples' recipes, shortened to a few minutes. */
  epochs?: number;
  /** Training digits. Default 8000. */
  train?: number;
  /** Held-out test digits (disjoint from the training ones). Default 2000. */
  test?: number;
  /** Seed of the split, the initial weights, dropout and augmentation. Default 2026. */
  seed?: number;
  /** Training progress (core's `fit`). Default 'none'. */
  progress?: ProgressMode;
}

/** What {@link loadOrTrainMnistClassifier} returns; the caller disposes `model`. */
export interface MnistClassifier {
  kind: MnistClassifierKind;
  /** Logits [N, 10] from images [N, 32, 32, 1] (LeNet-5) or [N, 784] (MLP), pixels in [0, 1]. */
  model: Layer;
  /** The held-out digits, in the layout the model takes (32x32 for LeNet-5, 28x28 for the MLP). */
  testSplit: DigitSplit;
  /** Test accuracy in [0, 1] on `testSplit`, measured on this call's backend. */
  accuracy: number;
  /** True when the model came from the cache, false when it was trained by this call. */
  fromCache: boolean;
  /** The folder the model lives in. */
  directory: string;
  /** The first `count` test digits (default all) as model input x and one-hot labels y [count, 10]; caller disposes. */
  testTensors(count?: number): { x: tf.Tensor; y: tf.Tensor };
}

/**
 * Loads the MNIST classifier of `kind` from `cacheDir` when a copy trained with the same options is
 * there; otherwise trains it with the examples' recipe (examples/mnist-lenet's `trainLenet` with
 * batch norm and lr 2e-3, examples/mnist-mlp's `trainMlp`) on the current backend, saves it with
 * @baihua/core's `saveModel`, and returns it with its held-out digits and their accuracy.
 * @example const { model, testTensors, accuracy } = await loadOrTrainMnistClassifier({ kind: 'lenet' });
 * In plain words: train the digit reader once, keep it in a drawer, and take it out next time.
 */
export async function loadOrTrainMnistClassifier(options: LoadOrTrainOptions): Promise<MnistClassifier> {
  const fn = 'loadOrTrainMnistClassifier';
  assertKnownOptions(fn, 'options', options, ['kind', 'cacheDir', 'epochs', 'train', 'test', 'seed', 'progress']);
  const { kind, cacheDir = defaultCacheDir, epochs = 10, train = 8000, test = 2000, seed = 2026 } = options;
  assertOneOf(fn, 'kind', kind, ['lenet', 'mlp'] as const);
  for (const [name, value] of Object.entries({ epochs, train, test })) assertPositiveInteger(fn, name, value);
  if (!Number.isInteger(seed)) throw new ArgumentError(fn, `expected seed to be an integer, got ${String(seed)}`);
  if (typeof cacheDir !== 'string' || cacheDir.length === 0)
    throw new ArgumentError(fn, `expected cacheDir to be a non-empty string, got ${JSON.stringify(cacheDir)}`);
  const directory = join(cacheDir, `${kind}-train${train}-test${test}-epochs${epochs}-seed${seed}`);
  const padding = kind === 'lenet' ? 2 : 0;
  const testSplit = loadDigits({ train, test, seed, padding }).test;
  const progress = options.progress ?? 'none';
  let model: Layer;
  let fromCache = existsSync(join(directory, 'model.json'));
  if (fromCache) {
    model = await loadModel(directory);
  } else {
    const trained =
      kind === 'lenet'
        ? await trainLenet({ train, test, epochs, seed, batchNorm: true, learningRate: 2e-3, progress })
        : await trainMlp({ train, test, epochs, seed, progress });
    model = trained.model;
    await saveModel(model, directory);
    const recipe = { kind, train, test, epochs, seed, seconds: trained.seconds, accuracy: trained.testAccuracy };
    writeFileSync(join(directory, 'recipe.json'), `${JSON.stringify(recipe, null, 1)}\n`);
    fromCache = false;
  }
  const testTensors = (count = testSplit.count) => classifierInput(kind, testSplit, count);
  const accuracy = await measureAccuracy(model, testTensors());
  return { kind, model, testSplit, accuracy, fromCache, directory, testTensors };
}

/** Fraction of rows whose argmax of the logits equals the one-hot label's; disposes x and y. */
async function measureAccuracy(model: Layer, data: { x: tf.Tensor; y: tf.Tensor }): Promise<number> {
  const hits = tf.tidy(() => {
    const logits = predict(model, data.x);
    return tf.sum(tf.cast(tf.equal(tf.argMax(logits, -1), tf.argMax(data.y, -1)), 'float32'));
  });
  const count = data.x.shape[0] as number;
  const value = (await hits.data())[0] as number;
  tf.dispose([hits, data.x, data.y]);
  return value / count;
}

/**
 * The recipe.json written next to a model trained by {@link loadOrTrainMnistClassifier} (kind, counts, seed,
 * training seconds and accuracy then), or undefined.
 * @example readRecipe(classifier.directory)?.seconds;
 * In plain words: the label on the drawer saying how the model inside was made.
 */
export function readRecipe(directory: string): Record<string, unknown> | undefined {
  const file = join(directory, 'recipe.json');
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>) : undefined;
}
