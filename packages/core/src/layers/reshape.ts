import * as tf from '@tensorflow/tfjs-core';
import { describeShape } from '../checks/tensor-checks.js';
import { ArgumentError } from '../errors/argument-error.js';
import { ShapeError } from '../errors/shape-error.js';
import { Layer, type CallContext, type LayerConfig, type LayerOptions } from './layer.js';
import { registerLayerType } from './layer-registry.js';

/** Options of {@link Reshape}. */
export interface ReshapeOptions extends LayerOptions {
  /** The shape of one example, without the batch: positive sizes, at most one -1 (inferred). Required. */
  targetShape: number[];
}

/**
 * Reshapes each example (Keras' Reshape): x: [batch, ...] -> y: [batch, ...targetShape], the
 * values in the same row-major order; a -1 in targetShape takes whatever size makes the counts
 * match. A masked input is refused (as Keras: the steps would no longer line up with the mask).
 *
 * @example
 * new Reshape({ targetShape: [4, -1] }).apply(tf.zeros([2, 12])); // [2, 4, 3]
 *
 * In plain words: pour each example's numbers into a box of another shape, in order.
 */
export class Reshape extends Layer {
  readonly targetShape: number[];

  constructor(options: ReshapeOptions) {
    super(options, 'Reshape', ['targetShape']);
    const target = options?.targetShape;
    if (
      !Array.isArray(target) ||
      target.length === 0 ||
      !target.every((s) => s === -1 || (Number.isInteger(s) && s > 0)) ||
      target.filter((s) => s === -1).length > 1
    )
      throw new ArgumentError(
        'Reshape',
        `expected targetShape to be a non-empty array of positive integers with at most one -1 (without the ` +
          `batch), got ${JSON.stringify(target)}`,
      );
    this.targetShape = [...target];
  }

  /** The output shape for an input shape, -1 resolved; a clear error when the counts cannot match. */
  private outputShapeFor(inputShape: readonly number[]): number[] {
    const perExample = inputShape.slice(1).reduce((n, s) => n * s, 1);
    const known = this.targetShape.reduce((n, s) => (s === -1 ? n : n * s), 1);
    const free = this.targetShape.includes(-1);
    if (free ? perExample % known !== 0 : perExample !== known)
      throw new ShapeError(
        'Reshape.apply',
        `layer '${this.name}' cannot reshape x of shape ${describeShape(inputShape)} (${perExample} values per ` +
          `example) to [batch,${this.targetShape.join(',')}]`,
      );
    return [inputShape[0] as number, ...this.targetShape.map((s) => (s === -1 ? perExample / known : s))];
  }

  protected override build(inputShape: number[]): void {
    this.outputShapeFor(inputShape);
  }

  /** Any input whose values per example fit targetShape. */
  protected override checkInputShape(inputShape: readonly number[]): void {
    this.outputShapeFor(inputShape);
  }

  protected override call(x: tf.Tensor, _context: CallContext): tf.Tensor {
    return tf.reshape(x, this.outputShapeFor(x.shape));
  }

  override getConfig(): LayerConfig {
    return { ...super.getConfig(), targetShape: [...this.targetShape] };
  }
}

// tfjs-core's kernel name constant Reshape is bundled into core's dist, so esbuild renames this class in one
// build (Reshape2) and not in the other; the registry tells copies of one package apart by the factory's
// source text, so the factory names the class through an alias that nothing shadows.
const reshapeLayer = Reshape;
registerLayerType('Reshape', (config) => new reshapeLayer(config as unknown as ReshapeOptions));
