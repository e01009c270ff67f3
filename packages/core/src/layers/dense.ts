import * as tf from '@tensorflow/tfjs-core';
import { describeShape } from '../checks/tensor-checks.js';
import { assertPositiveInteger } from '../checks/value-checks.js';
import { ShapeError } from '../errors/shape-error.js';
import { resolveInitializer, type InitializerSpec } from '../initializers/initializer.js';
import { Layer, type CallContext, type LayerConfig, type LayerOptions } from './layer.js';
import { registerLayerType } from './layer-registry.js';
import { activationNameOf, getActivation, type Activation } from '../registry/activation-registry.js';

/** Options of {@link Dense}. */
export interface DenseOptions extends LayerOptions {
  /** Output features. Required. */
  units: number;
  /** A function or an activation's name ('relu', 'gelu', ... or one from `registerActivation`). Default 'linear'. */
  activation?: Activation | string;
  /** Add a bias b. Default true. */
  useBias?: boolean;
  /** Default 'glorotUniform' (Xavier). Use 'heNormal' or 'heUniform' before ReLU. */
  kernelInitializer?: InitializerSpec;
  /** Default 'zeros'. */
  biasInitializer?: InitializerSpec;
}

/**
 * Fully connected layer: y = f(x W + b), W: [in, units], b: [units]. x: [batch, ..., in] ->
 * y: [batch, ..., units] (leading axes kept). The kernel takes part in L2 weight decay, the bias not.
 *
 * @example
 * const hidden = new Dense({ units: 256, activation: 'relu', kernelInitializer: 'heNormal', seed: 1 });
 * const h = hidden.apply(tf.zeros([64, 784])); // [64, 256]
 *
 * In plain words: every output neuron weighs every input, adds its own offset, then decides how strongly to fire.
 */
export class Dense extends Layer {
  readonly units: number;
  readonly activation: Activation | string;
  readonly useBias: boolean;
  readonly kernelInitializer: InitializerSpec;
  readonly biasInitializer: InitializerSpec;
  private readonly activationFn: Activation;

  constructor(options: DenseOptions) {
    super(options, 'Dense', ['units', 'activation', 'useBias', 'kernelInitializer', 'biasInitializer']);
    this.supportsMasking = true; // a mask passes through unchanged (as in Keras)
    assertPositiveInteger('Dense', 'units', options.units);
    this.units = options.units;
    this.activation = options.activation ?? 'linear';
    this.activationFn = getActivation(this.activation, 'Dense');
    this.useBias = options.useBias ?? true;
    this.kernelInitializer = options.kernelInitializer ?? 'glorotUniform';
    this.biasInitializer = options.biasInitializer ?? 'zeros';
    // Checked now (name and parameter keys), not first at build.
    resolveInitializer(this.kernelInitializer);
    resolveInitializer(this.biasInitializer);
  }

  protected override build(inputShape: number[]): void {
    if (inputShape.length < 2)
      throw new ShapeError(
        'Dense',
        `expected input of rank >= 2 ([batch, ..., features]), got rank ${inputShape.length} (shape ` +
          `${describeShape(inputShape)})`,
      );
    const inFeatures = inputShape.at(-1) as number;
    this.addWeight('kernel', [inFeatures, this.units], { initializer: this.kernelInitializer, regularize: true });
    if (this.useBias) this.addWeight('bias', [this.units], { initializer: this.biasInitializer });
  }

  /** Any rank >= 2 whose last axis has the size seen at build. */
  protected override checkInputShape(inputShape: readonly number[]): void {
    const inFeatures = this.weight('kernel').shape[0];
    if (inputShape.length < 2 || inputShape.at(-1) !== inFeatures) {
      throw new ShapeError(
        'Dense.apply',
        `layer '${this.name}' expected input of shape [batch, ..., ${inFeatures}], got ${describeShape(inputShape)}`,
      );
    }
  }

  protected override call(x: tf.Tensor, _context: CallContext): tf.Tensor {
    const inFeatures = x.shape.at(-1) as number;
    const flat = x.rank === 2 ? (x as tf.Tensor2D) : tf.reshape(x, [-1, inFeatures]);
    let z: tf.Tensor = tf.matMul(flat, this.weight('kernel').read() as tf.Tensor2D);
    if (this.useBias) z = tf.add(z, this.weight('bias').read());
    if (x.rank !== 2) z = tf.reshape(z, [...x.shape.slice(0, -1), this.units]);
    return this.activationFn(z);
  }

  override getConfig(): LayerConfig {
    return {
      ...super.getConfig(),
      units: this.units,
      activation: activationNameOf(this.activation, 'Dense.getConfig'),
      useBias: this.useBias,
      kernelInitializer: this.kernelInitializer,
      biasInitializer: this.biasInitializer,
    };
  }
}

registerLayerType('Dense', (config) => new Dense(config as unknown as DenseOptions));
