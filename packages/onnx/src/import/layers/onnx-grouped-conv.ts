import * as tf from '@tensorflow/tfjs-core';
import { type ConvPadding, conv2d, depthwiseConv2d } from '@baihua/cnn';
import {
  type Activation,
  ArgumentError,
  type CallContext,
  Layer,
  type LayerConfig,
  type LayerOptions,
  ShapeError,
  activationNameOf,
  assertPositiveInteger,
  getActivation,
  registerLayerType,
} from '@baihua/core';

/** Options of {@link OnnxGroupedConv}. */
export interface OnnxGroupedConvOptions extends LayerOptions {
  /** Output channels; a multiple of groups. */
  filters: number;
  /** Channel groups (ONNX Conv's `group`); the input channels must be a multiple of it. */
  groups: number;
  /** [height, width]. */
  kernelSize: [number, number];
  /** Default [1, 1]. */
  strides?: [number, number];
  /** Default [1, 1]. */
  dilations?: [number, number];
  /** 'valid' (default), 'same' or 'full', as cnn's conv2d. */
  padding?: ConvPadding;
  /** Default true. */
  useBias?: boolean;
  /** A registered activation name. Default 'linear'. */
  activation?: string;
}

/**
 * Grouped 2-D convolution, NHWC (ONNX Conv with `group` > 1, PyTorch's `groups`): the C input
 * channels and the filters are cut into `groups` equal parts, and part g of the output is cnn's
 * conv2d of part g of the input with kernel [kh, kw, C / groups, filters / groups]. With one input
 * channel per group (a depthwise conv) it is one depthwiseConv2d. Weights: kernel
 * [kh, kw, C / groups, filters] (group g owns columns g filters / groups ...), bias [filters].
 * Shapes: [batch, H, W, C] -> [batch, outH, outW, filters]; gradients those of conv2d / depthwiseConv2d.
 *
 * @example
 * new OnnxGroupedConv({ filters: 6, groups: 3, kernelSize: [3, 3] }).apply(tf.zeros([1, 5, 5, 3])); // [1, 3, 3, 6]
 *
 * In plain words: several small convolutions side by side, each seeing only its own channels.
 */
export class OnnxGroupedConv extends Layer {
  readonly filters: number;
  readonly groups: number;
  readonly kernelSize: [number, number];
  readonly strides: [number, number];
  readonly dilations: [number, number];
  readonly padding: ConvPadding;
  readonly useBias: boolean;
  readonly activation: string;
  private readonly activationFn: Activation;

  constructor(options: OnnxGroupedConvOptions) {
    super(options, 'OnnxGroupedConv', [
      'filters',
      'groups',
      'kernelSize',
      'strides',
      'dilations',
      'padding',
      'useBias',
      'activation',
    ]);
    const fn = 'OnnxGroupedConv';
    assertPositiveInteger(fn, 'filters', options.filters);
    assertPositiveInteger(fn, 'groups', options.groups);
    if (options.filters % options.groups !== 0)
      throw new ArgumentError(fn, `expected filters a multiple of groups ${options.groups}, got ${options.filters}`);
    this.filters = options.filters;
    this.groups = options.groups;
    this.kernelSize = [...options.kernelSize];
    this.strides = [...(options.strides ?? [1, 1])];
    this.dilations = [...(options.dilations ?? [1, 1])];
    this.padding = options.padding ?? 'valid';
    this.useBias = options.useBias ?? true;
    this.activation = options.activation ?? 'linear';
    this.activationFn = getActivation(this.activation, fn);
  }

  protected override build(inputShape: number[]): void {
    const channels = inputShape[3] as number;
    if (inputShape.length !== 4 || channels % this.groups !== 0)
      throw new ShapeError(
        'OnnxGroupedConv',
        `expected input [batch, H, W, C] with C a multiple of groups ${this.groups}, got [${inputShape}]`,
      );
    this.addWeight('kernel', [...this.kernelSize, channels / this.groups, this.filters], {
      initializer: 'glorotUniform',
      regularize: true,
    });
    if (this.useBias) this.addWeight('bias', [this.filters], { initializer: 'zeros' });
  }

  protected override call(x: tf.Tensor, _context: CallContext): tf.Tensor {
    const options = { padding: this.padding, strides: this.strides, dilations: this.dilations };
    const kernel = this.weight('kernel').read();
    const bias = this.useBias ? this.weight('bias').read() : undefined;
    const withBias = bias === undefined ? options : { ...options, bias };
    const channels = x.shape[3] as number;
    if (kernel.shape[2] === 1 && channels === this.groups) {
      const [kh, kw] = this.kernelSize;
      const depthwise = tf.reshape(kernel, [kh, kw, channels, this.filters / channels]);
      return this.activationFn(depthwiseConv2d(x, depthwise, withBias));
    }
    const xs = tf.split(x, this.groups, 3);
    const kernels = tf.split(kernel, this.groups, 3);
    const ys = xs.map((part, g) => conv2d(part, kernels[g] as tf.Tensor, options));
    const y = tf.concat(ys, 3);
    return this.activationFn(bias === undefined ? y : tf.add(y, bias));
  }

  override getConfig(): LayerConfig {
    return {
      ...super.getConfig(),
      filters: this.filters,
      groups: this.groups,
      kernelSize: [...this.kernelSize],
      strides: [...this.strides],
      dilations: [...this.dilations],
      padding: this.padding,
      useBias: this.useBias,
      activation: activationNameOf(this.activation, 'OnnxGroupedConv.getConfig'),
    };
  }
}

registerLayerType('OnnxGroupedConv', (config) => new OnnxGroupedConv(config as unknown as OnnxGroupedConvOptions));
