import type * as tf from '@tensorflow/tfjs-core';
import { describeShape } from '../checks/tensor-checks.js';
import { ArgumentError } from '../errors/argument-error.js';
import { ShapeError } from '../errors/shape-error.js';
import { Layer, type CallContext, type LayerOptions } from './layer.js';

/**
 * Base of the layers that combine a list of same-shaped tensors element by element (Add,
 * Multiply): at least two inputs, every one of the shape of x[0]; output of that shape; output mask
 * the AND of the input masks given (Keras). A subclass writes `merge(xs)`. No weights.
 */
export abstract class ElementwiseMerge extends Layer {
  override readonly takesInputList = true;

  constructor(options: LayerOptions, typeName: string) {
    super(options, typeName, []);
    this.supportsMasking = true; // the output mask: the AND of the input masks (Layer's default for a list)
  }

  /** The element-wise combination of two or more tensors of one shape. Inside tf.tidy. */
  protected abstract merge(xs: tf.Tensor[]): tf.Tensor;

  protected override build(shapes: number[][]): void {
    this.checkInputShape(shapes);
  }

  /** Two or more inputs of one shape (each call; the lengths may change from call to call). */
  protected override checkInputShape(shapes: readonly (readonly number[])[]): void {
    const fn = `${this.typeName}.apply`;
    if (shapes.length < 2)
      throw new ArgumentError(fn, `layer '${this.name}' expected a list of at least 2 inputs, got ${shapes.length}`);
    const first = shapes[0] as readonly number[];
    shapes.forEach((shape, i) => {
      if (shape.length !== first.length || shape.some((s, k) => s !== first[k]))
        throw new ShapeError(
          fn,
          `layer '${this.name}' expected every input of the shape of x[0] ${describeShape(first)}, got x[${i}] of ` +
            `shape ${describeShape(shape)}`,
        );
    });
  }

  protected override call(xs: tf.Tensor[], _context: CallContext): tf.Tensor {
    return this.merge(xs);
  }
}
