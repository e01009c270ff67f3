import type * as tf from '@tensorflow/tfjs-core';
import {
  ArgumentError,
  assertKnownOptions,
  assertNonNegative,
  assertOneOf,
  assertPositive,
  assertPositiveInteger,
} from '@baihua/core';
import type { FeatureExtractor } from './random-feature-extractor.js';

/** The weights of the three terms of {@link styleTransfer}'s objective and of each layer. */
export interface StyleWeights {
  /** alpha, the content term's weight. Default 1. */
  content?: number;
  /** beta, the style term's weight. Default 1e4 (suits randomFeatureExtractor's defaults at 64-256 px). */
  style?: number;
  /** gamma, the total variation term's weight. Default 1e-3. */
  totalVariation?: number;
  /** w_l by layer name, for content and style layers alike. Default 1 / (number of layers of that kind). */
  perLayer?: Readonly<Record<string, number>>;
}

/** The loss terms at one point of the optimisation (layer-weighted, before alpha, beta, gamma; total after). */
export interface StepLosses {
  content: number;
  style: number;
  totalVariation: number;
  total: number;
}

/** Options of {@link styleTransfer}. */
export interface StyleTransferOptions {
  /** The photo whose layout is kept: [H, W, 3] or [B, H, W, 3] float32 in [0, 1]. */
  content: tf.Tensor;
  /** The picture whose texture is copied: [H', W', 3], [1, H', W', 3] or [B, H', W', 3] (sizes may differ). */
  style: tf.Tensor;
  /** Named feature maps of images, e.g. {@link randomFeatureExtractor}'s; not disposed here. */
  extractor: FeatureExtractor;
  /** Feature maps compared with contentLoss (may be empty: pure texture synthesis). */
  contentLayers: readonly string[];
  /** Feature maps compared through their Gram matrices with styleLoss (at least one). */
  styleLayers: readonly string[];
  /** Term and layer weights; see {@link StyleWeights}. */
  weights?: StyleWeights;
  /** Adam steps, >= 1. Default 200. */
  steps?: number;
  /** Adam's learning rate on pixels in [0, 1]. Default 0.02. */
  learningRate?: number;
  /** The starting image: the content photo (default) or uniform noise drawn from `seed`. */
  init?: 'content' | 'noise';
  /** Seed of the noise start. Default 0. */
  seed?: number;
  /** Called after every step with steps done, total steps and that point's losses; awaited if it returns a promise. */
  onProgress?: (done: number, total: number, losses: StepLosses) => void | Promise<void>;
}

/** Every option key of {@link styleTransfer}. */
export const styleTransferOptionKeys = [
  'content',
  'style',
  'extractor',
  'contentLayers',
  'styleLayers',
  'weights',
  'steps',
  'learningRate',
  'init',
  'seed',
  'onProgress',
] as const;

/**
 * Checks every option of {@link styleTransfer} that is not a tensor, before any tensor is made, and
 * fills in the defaults. Errors read `styleTransfer: expected steps to be a positive integer, got 0`.
 *
 * @example
 * const settings = checkStyleTransferOptions(options);
 *
 * In plain words: refuse an order that cannot be painted before buying the paint.
 */
export function checkStyleTransferOptions(options: StyleTransferOptions) {
  const fn = 'styleTransfer';
  if (options === null || typeof options !== 'object')
    throw new ArgumentError(fn, `expected options to be an object, got ${options === null ? 'null' : typeof options}`);
  assertKnownOptions(fn, 'options', options, styleTransferOptionKeys);
  const { steps = 200, learningRate = 0.02, init = 'content', seed = 0, weights = {} } = options;
  assertPositiveInteger(fn, 'steps', steps);
  assertPositive(fn, 'learningRate', learningRate);
  assertOneOf(fn, 'init', init, ['content', 'noise'] as const);
  if (!Number.isInteger(seed)) throw new ArgumentError(fn, `expected seed to be an integer, got ${String(seed)}`);
  if (typeof options.extractor !== 'function')
    throw new ArgumentError(fn, `expected extractor to be a function of images, got ${typeof options.extractor}`);
  if (options.onProgress !== undefined && typeof options.onProgress !== 'function')
    throw new ArgumentError(fn, `expected onProgress to be a function, got ${typeof options.onProgress}`);
  const contentLayers = layerList(fn, 'contentLayers', options.contentLayers, 0);
  const styleLayers = layerList(fn, 'styleLayers', options.styleLayers, 1);
  assertKnownOptions(fn, 'weights', weights, ['content', 'style', 'totalVariation', 'perLayer']);
  const { content = 1, style = 1e4, totalVariation = 1e-3, perLayer = {} } = weights;
  assertNonNegative(fn, 'weights.content', content);
  assertNonNegative(fn, 'weights.style', style);
  assertNonNegative(fn, 'weights.totalVariation', totalVariation);
  assertKnownOptions(fn, 'weights.perLayer', perLayer, [...new Set([...contentLayers, ...styleLayers])]);
  for (const [name, value] of Object.entries(perLayer)) assertNonNegative(fn, `weights.perLayer.${name}`, value);
  const layerWeight = (name: string, count: number) => perLayer[name] ?? 1 / count;
  return {
    steps,
    learningRate,
    init,
    seed,
    contentWeights: contentLayers.map((name) => ({ name, weight: layerWeight(name, contentLayers.length) })),
    styleWeights: styleLayers.map((name) => ({ name, weight: layerWeight(name, styleLayers.length) })),
    termWeights: { content, style, totalVariation },
  };
}

function layerList(fn: string, argument: string, value: unknown, minimum: number): string[] {
  const ok = Array.isArray(value) && value.length >= minimum && value.every((name) => typeof name === 'string');
  if (!ok || new Set(value).size !== value.length)
    throw new ArgumentError(
      fn,
      `expected ${argument} to be a list of ${minimum > 0 ? 'at least one' : 'zero or more'} distinct layer names, ` +
        `got ${JSON.stringify(value)}`,
    );
  return [...value];
}
