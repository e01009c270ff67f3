import * as tf from '@tensorflow/tfjs-core';
import { describeShape } from '../checks/tensor-checks.js';
import { ArgumentError } from '../errors/argument-error.js';
import { ShapeError } from '../errors/shape-error.js';
import { Layer, type CallContext, type LayerConfig, type LayerOptions } from './layer.js';
import { registerLayerType } from './layer-registry.js';
import { andOfMasks } from './merge-masks.js';

/** Options of {@link Concatenate}. */
export interface ConcatenateOptions extends LayerOptions {
  /** The axis to join along, counted with the batch (negative from the end; not 0, the batch). Default -1. */
  axis?: number;
}

/**
 * Joins a list of tensors along one axis (Keras' Concatenate): every input of one rank, equal
 * sizes on every other axis; y's size on `axis` is the sum of theirs. Masks (Keras semantics):
 * joining features (the last axis), the output mask is the AND of the input masks given; joining
 * along an earlier axis (time), the masks are joined along it too (an input without a mask counts
 * as all real). Gradient: dy sliced back to each input. Inputs of rank 5 and up are joined as
 * rank-3 views (the same values), since tfjs-wasm slices rank 5 tensors about 30 times slower.
 *
 * @example
 * const joined = new Concatenate().apply([a, b]); // a: [batch, 4], b: [batch, 6] -> [batch, 10]
 *
 * In plain words: put the inputs side by side to make one longer row.
 */
export class Concatenate extends Layer {
  override readonly takesInputList = true;
  readonly axis: number;

  constructor(options: ConcatenateOptions = {}) {
    super(options, 'Concatenate', ['axis']);
    this.axis = options.axis ?? -1;
    if (!Number.isInteger(this.axis) || this.axis === 0)
      throw new ArgumentError(
        'Concatenate',
        `expected axis to be a non-zero integer (axis 0 is the batch), got ${String(options.axis)}`,
      );
  }

  /** The axis as a non-negative index for inputs of this rank. */
  private axisFor(rank: number): number {
    const axis = this.axis < 0 ? this.axis + rank : this.axis;
    if (axis < 1 || axis >= rank)
      throw new ArgumentError(
        'Concatenate.apply',
        `layer '${this.name}' has axis ${this.axis}, which is not a non-batch axis of inputs of rank ${rank}`,
      );
    return axis;
  }

  protected override build(shapes: number[][]): void {
    this.checkInputShape(shapes);
  }

  /** One rank, equal sizes except on the axis (each call; sizes may change from call to call). */
  protected override checkInputShape(shapes: readonly (readonly number[])[]): void {
    const fn = 'Concatenate.apply';
    const first = shapes[0] as readonly number[];
    const axis = this.axisFor(first.length);
    shapes.forEach((shape, i) => {
      if (shape.length !== first.length || shape.some((s, k) => k !== axis && s !== first[k]))
        throw new ShapeError(
          fn,
          `layer '${this.name}' expected every input to match x[0] ${describeShape(first)} except on axis ` +
            `${axis}, got x[${i}] of shape ${describeShape(shape)}`,
        );
    });
  }

  protected override call(xs: tf.Tensor[], _context: CallContext): tf.Tensor {
    const first = xs[0] as tf.Tensor;
    if (xs.length === 1) return tf.clone(first);
    const axis = this.axisFor(first.rank);
    if (first.rank <= 4) return tf.concat(xs, axis);
    // Rank 5 and up (volumes): joined as rank-3 views [before, axis, after], then shaped back. The
    // gradient of concat slices dy, and tfjs-wasm 4.22 slices rank 5 on a slow generic path: splitting
    // [4,16,20,20,12] took ~300 ms there, the same data as rank 3 ~10 ms.
    const before = first.shape.slice(0, axis).reduce((n, s) => n * s, 1);
    const after = first.shape.slice(axis + 1).reduce((n, s) => n * s, 1);
    const joinedSize = xs.reduce((n, x) => n + (x.shape[axis] as number), 0);
    return tf.tidy(() => {
      const joined = tf.concat(
        xs.map((x) => tf.reshape(x, [before, x.shape[axis] as number, after])),
        1,
      );
      return tf.reshape(
        joined,
        first.shape.map((s, k) => (k === axis ? joinedSize : s)),
      );
    });
  }

  protected override computeMask(xs: tf.Tensor[], masks: readonly (tf.Tensor | undefined)[]): tf.Tensor | undefined {
    if (masks.every((m) => m === undefined)) return undefined;
    const rank = (xs[0] as tf.Tensor).rank;
    const axis = this.axisFor(rank);
    if (axis === rank - 1) return andOfMasks(masks);
    // Joining along time: each input's mask covers its own steps ([batch, ...] = x without the last axis).
    const full = xs.map((x, i) => {
      const mask = masks[i];
      const stepShape = x.shape.slice(0, -1);
      if (mask === undefined) return tf.ones(stepShape);
      if (mask.rank !== stepShape.length || mask.shape.some((s, k) => s !== stepShape[k]))
        throw new ShapeError(
          'Concatenate.apply',
          `layer '${this.name}' expected mask ${i} of shape ${describeShape(stepShape)} (x[${i}] without its last ` +
            `axis), got ${describeShape(mask.shape)}`,
        );
      return tf.cast(mask, 'float32');
    });
    return tf.cast(tf.concat(full, axis), 'bool'); // joined as 0/1 numbers
  }

  override getConfig(): LayerConfig {
    return { ...super.getConfig(), axis: this.axis };
  }
}

registerLayerType('Concatenate', (config) => new Concatenate(config as unknown as ConcatenateOptions));
