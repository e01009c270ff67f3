import * as tf from '@tensorflow/tfjs-core';
import {
  ArgumentError,
  Layer,
  assertOneOf,
  assertPositiveInteger,
  registerLayerType,
  type Activation,
  type CallContext,
  type LayerConfig,
  type LayerOptions,
} from '@baihua/core';
import { normalizePair, type SizePair } from '../ops/conv-checks.js';
import { childSeed } from '@baihua/core';
import { ConvBlock } from './conv-block.js';
import { activationNameOf, getActivation } from '@baihua/core';

/** Options of {@link ResidualBlock}. */
export interface ResidualBlockOptions extends LayerOptions {
  /** Output channels. Required. */
  filters: number;
  /** Kernel of both convolutions. Default 3. */
  kernelSize?: SizePair;
  /** Stride of the first convolution (and of the projection). Default 1. */
  strides?: SizePair;
  /** After each batch norm but the last, and after the sum. Default 'relu'. */
  activation?: Activation | string;
  /** 'auto' (default): project only when the shapes differ; 'always': always a 1x1 conv + BN. */
  projection?: 'auto' | 'always';
}

/**
 * ResNet's basic block: y = f(F(x) + S(x)), with F(x) = BN(conv(f(BN(conv(x))))) (two 'same'
 * convolutions, the first with the stride) and S the identity when the shapes agree, else a
 * projection BN(conv1x1(x, stride)) to the new channels and size. x: [batch, H, W, C] ->
 * [batch, ceil(H/s), ceil(W/s), filters]. Children (ConvBlocks, made at build): `block/conv1`,
 * `block/conv2` and, when projecting, `block/projection`.
 *
 * @example
 * const block = new ResidualBlock({ filters: 32, strides: 2, seed: 1 });   // projects 16 -> 32 channels
 * block.apply(tf.zeros([2, 16, 16, 16]), { training: true }).shape;       // [2, 8, 8, 32]
 *
 * In plain words: an emergency staircase beside the floors: the signal can always take the short
 * way, so the floors only need to learn the correction (y = f(x) + x).
 */
export class ResidualBlock extends Layer {
  readonly filters: number;
  readonly kernelSize: [number, number];
  readonly strides: [number, number];
  readonly activation: Activation | string;
  readonly projection: 'auto' | 'always';
  private readonly activationFn: Activation;
  private parts: { first: ConvBlock; second: ConvBlock; shortcut: ConvBlock | undefined } | undefined;

  constructor(options: ResidualBlockOptions) {
    super(options, 'ResidualBlock', ['filters', 'kernelSize', 'strides', 'activation', 'projection']);
    assertPositiveInteger('ResidualBlock', 'filters', options.filters);
    this.filters = options.filters;
    this.kernelSize = normalizePair('ResidualBlock', 'kernelSize', options.kernelSize ?? 3);
    this.strides = normalizePair('ResidualBlock', 'strides', options.strides ?? 1);
    this.activation = options.activation ?? 'relu';
    this.activationFn = getActivation(this.activation, 'ResidualBlock');
    this.projection = options.projection ?? 'auto';
    assertOneOf('ResidualBlock', 'projection', this.projection, ['auto', 'always']);
  }

  /** Whether the shortcut is a projection (known once built). */
  get projects(): boolean {
    return this.parts?.shortcut !== undefined;
  }

  override children(): Layer[] {
    if (!this.parts) return [];
    const { first, second, shortcut } = this.parts;
    return shortcut ? [first, second, shortcut] : [first, second];
  }

  protected override build(inputShape: number[]): void {
    if (inputShape.length !== 4)
      throw new ArgumentError(
        'ResidualBlock',
        `expected input of rank 4 ([batch, height, width, channels]), got rank ${inputShape.length}`,
      );
    const seed = this.seed ?? 0;
    const common = { padding: 'same' as const, kernelInitializer: 'heNormal', trainable: this.trainable };
    const first = new ConvBlock({
      ...common,
      filters: this.filters,
      kernelSize: this.kernelSize,
      strides: this.strides,
      activation: this.activation,
      seed: childSeed(seed, 0),
    });
    const second = new ConvBlock({
      ...common,
      filters: this.filters,
      kernelSize: this.kernelSize,
      activation: 'linear',
      seed: childSeed(seed, 1),
    });
    const sameShape = inputShape[3] === this.filters && this.strides[0] === 1 && this.strides[1] === 1;
    const shortcut =
      sameShape && this.projection === 'auto'
        ? undefined
        : new ConvBlock({
            ...common,
            filters: this.filters,
            kernelSize: 1,
            strides: this.strides,
            activation: 'linear',
            seed: childSeed(seed, 2),
          });
    this.nameChild(first, 'conv1');
    this.nameChild(second, 'conv2');
    if (shortcut) this.nameChild(shortcut, 'projection');
    this.parts = { first, second, shortcut };
  }

  protected override call(x: tf.Tensor, context: CallContext): tf.Tensor {
    const { first, second, shortcut } = this.parts as NonNullable<ResidualBlock['parts']>;
    const branch = second.apply(first.apply(x, context), context);
    const skip = shortcut ? shortcut.apply(x, context) : x;
    return this.activationFn(tf.add(branch, skip));
  }

  override getConfig(): LayerConfig {
    return {
      ...super.getConfig(),
      filters: this.filters,
      kernelSize: this.kernelSize,
      strides: this.strides,
      activation: activationNameOf(this.activation, 'ResidualBlock.getConfig'),
      projection: this.projection,
    };
  }
}

registerLayerType('ResidualBlock', (config) => new ResidualBlock(config as unknown as ResidualBlockOptions));
