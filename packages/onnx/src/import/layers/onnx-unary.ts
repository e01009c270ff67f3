import * as tf from '@tensorflow/tfjs-core';
import {
  ArgumentError,
  type CallContext,
  Layer,
  type LayerConfig,
  type LayerOptions,
  registerLayerType,
} from '@baihua/core';

const ops = { sqrt: tf.sqrt, erf: tf.erf, exp: tf.exp, log: tf.log, neg: tf.neg, reciprocal: tf.reciprocal };

/** Options of {@link OnnxUnary}. */
export interface OnnxUnaryOptions extends LayerOptions {
  /** 'sqrt', 'erf', 'exp', 'log', 'neg' or 'reciprocal' (ONNX Sqrt, Erf, Exp, Log, Neg, Reciprocal). Required. */
  op: keyof typeof ops;
}

/**
 * One elementwise ONNX operator without an activation of its own in baihua: y = op(x), same shape
 * (the Sqrt of a written-out norm, the Erf of a written-out gelu when it cannot be matched whole).
 * Gradients are tfjs'.
 *
 * @example
 * new OnnxUnary({ op: 'sqrt' }).apply(tf.tensor2d([[4, 9]])); // [[2, 3]]
 *
 * In plain words: one maths function applied to every number.
 */
export class OnnxUnary extends Layer {
  readonly op: OnnxUnaryOptions['op'];

  constructor(options: OnnxUnaryOptions) {
    super(options, 'OnnxUnary', ['op']);
    if (!Object.hasOwn(ops, options.op))
      throw new ArgumentError('OnnxUnary', `expected op one of ${Object.keys(ops).join(', ')}, got '${options.op}'`);
    this.op = options.op;
  }

  protected override call(x: tf.Tensor, _context: CallContext): tf.Tensor {
    return ops[this.op](x);
  }

  override getConfig(): LayerConfig {
    return { ...super.getConfig(), op: this.op };
  }
}

registerLayerType('OnnxUnary', (config) => new OnnxUnary(config as unknown as OnnxUnaryOptions));
