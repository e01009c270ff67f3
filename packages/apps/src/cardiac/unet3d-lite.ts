import { ArgumentError, Concatenate, Model, assertKnownOptions, assertPositiveInteger, input } from '@baihua/core';
import type { SymbolicTensor } from '@baihua/core';
import { Conv3D, MaxPool3D, UpSampling3D } from '@baihua/cnn';

/** Options of {@link unet3dLite}. */
export interface Unet3dLiteOptions {
  /** One volume [D, H, W] (one channel); each size divisible by 2^levels. Required. */
  inputShape: readonly [number, number, number];
  /** Channels at full resolution, doubled at each level down. Default 4. */
  filters?: number;
  /** Poolings (2x2x2) between the full resolution and the bottleneck. Default 2. */
  levels?: number;
  /** 3x3x3 convolutions (ReLU, 'same') per block. Default 2. */
  convolutionsPerBlock?: number;
  /** Seed of the layers' initialisers (layer k gets seed + k). Default 1. */
  seed?: number;
  /** Model name. Default 'unet3d_lite'. */
  name?: string;
}

/**
 * A small 3-D U-Net (Çiçek et al. 2016, slimmed) for one foreground class, built with core's graph
 * API: an encoder of blocks of 3x3x3 Conv3D + ReLU with f, 2f, 4f, ... channels, each followed by a
 * 2x2x2 MaxPool3D; a bottleneck block; a decoder that upsamples (UpSampling3D, nearest), concatenates
 * the encoder's block of the same level (the skip connection) and runs a block; a final 1x1x1 Conv3D
 * to one logit per voxel. x: [batch, D, H, W, 1] -> logits [batch, D, H, W, 1] (sigmoid > 0.5 -> cavity).
 * He-normal kernels, zero biases. Defaults: filters 4, levels 2, convolutionsPerBlock 2, seed 1.
 *
 * @example
 * const model = unet3dLite({ inputShape: [16, 20, 20] });
 * model.apply(tf.zeros([2, 16, 20, 20, 1])).shape; // [2, 16, 20, 20, 1]
 *
 * In plain words: look at the volume coarser and coarser to see what is where, then sharpen the
 * answer back up, borrowing the fine detail seen on the way down.
 */
export function unet3dLite(options: Unet3dLiteOptions): Model {
  const fn = 'unet3dLite';
  assertKnownOptions(fn, 'options', options, [
    'inputShape',
    'filters',
    'levels',
    'convolutionsPerBlock',
    'seed',
    'name',
  ]);
  const { inputShape, filters = 4, levels = 2, convolutionsPerBlock = 2, seed = 1, name = 'unet3d_lite' } = options;
  assertPositiveInteger(fn, 'options.filters', filters);
  assertPositiveInteger(fn, 'options.levels', levels);
  assertPositiveInteger(fn, 'options.convolutionsPerBlock', convolutionsPerBlock);
  if (!Number.isInteger(seed)) throw new ArgumentError(fn, `expected options.seed to be an integer, got ${seed}`);
  const step = 2 ** levels;
  const fits =
    Array.isArray(inputShape) &&
    inputShape.length === 3 &&
    inputShape.every((n) => Number.isInteger(n) && n >= step && n % step === 0);
  if (!fits)
    throw new ArgumentError(
      fn,
      `expected options.inputShape [D, H, W], each a multiple of 2^levels = ${step}, ` +
        `got ${JSON.stringify(inputShape)}`,
    );
  let layerSeed = seed;
  const block = (x: SymbolicTensor, channels: number): SymbolicTensor => {
    let y = x;
    for (let n = 0; n < convolutionsPerBlock; n++) {
      y = new Conv3D({
        filters: channels,
        kernelSize: 3,
        padding: 'same',
        activation: 'relu',
        kernelInitializer: 'heNormal',
        seed: layerSeed++,
      }).apply(y);
    }
    return y;
  };
  const volume = input({ shape: [...inputShape, 1], name: 'volume' });
  const skips: SymbolicTensor[] = [];
  let x = volume;
  for (let level = 0; level < levels; level++) {
    const features = block(x, filters * 2 ** level);
    skips.push(features);
    x = new MaxPool3D().apply(features);
  }
  x = block(x, filters * 2 ** levels);
  for (let level = levels - 1; level >= 0; level--) {
    const up = new UpSampling3D().apply(x);
    x = block(new Concatenate().apply([up, skips[level] as SymbolicTensor]), filters * 2 ** level);
  }
  const logits = new Conv3D({ filters: 1, kernelSize: 1, seed: layerSeed }).apply(x);
  return new Model({ inputs: volume, outputs: logits, name });
}
