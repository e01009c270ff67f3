import * as tf from '@tensorflow/tfjs-core';
import {
  ArgumentError,
  type CallContext,
  Layer,
  type LayerConfig,
  type LayerOptions,
  registerLayerType,
} from '@baihua/core';

/** The operations of {@link OnnxBinary}. */
export const onnxBinaryOps = ['add', 'sub', 'mul', 'div', 'pow', 'matMul'] as const;

/** Options of {@link OnnxBinary}. */
export interface OnnxBinaryOptions extends LayerOptions {
  /** 'add', 'sub', 'mul', 'div', 'pow' (broadcasting, as ONNX) or 'matMul' (batched). Required. */
  op: (typeof onnxBinaryOps)[number];
  /**
   * When set, the layer takes one input and the other operand is its own non-trainable weight
   * 'constant' of this shape (same rank as the input, leading axis 1). Default: two inputs.
   */
  constantShape?: number[];
  /** With constantShape: the constant is the left operand (c op x). Default false (x op c). */
  constantFirst?: boolean;
}

const ops: Record<OnnxBinaryOptions['op'], (a: tf.Tensor, b: tf.Tensor) => tf.Tensor> = {
  add: tf.add,
  sub: tf.sub,
  mul: tf.mul,
  div: tf.div,
  pow: tf.pow,
  matMul: (a, b) => tf.matMul(a, b),
};

/**
 * One ONNX binary operator between two run-time tensors (or a run-time tensor and a constant that
 * is not a per-feature vector: a causal bias, an exponent): y = a op b with ONNX's (numpy's)
 * broadcasting, or the batched matrix product a @ b over the last two axes. The importer uses it
 * for the written-out forms exportOnnx makes of GroupNorm and attention. Gradients are tfjs'.
 * Shapes: the broadcast of the two inputs ([..., n, k] @ [..., k, m] -> [..., n, m]).
 *
 * @example
 * new OnnxBinary({ op: 'sub' }).apply([tf.ones([2, 3]), tf.ones([2, 1])]); // [[0, 0, 0], [0, 0, 0]]
 *
 * In plain words: plus, minus, times, divide, power or matrix product, as a layer.
 */
export class OnnxBinary extends Layer {
  override readonly takesInputList: boolean;
  readonly op: OnnxBinaryOptions['op'];
  readonly constantShape: number[] | undefined;
  readonly constantFirst: boolean;

  constructor(options: OnnxBinaryOptions) {
    super(options, 'OnnxBinary', ['op', 'constantShape', 'constantFirst']);
    if (!onnxBinaryOps.includes(options.op))
      throw new ArgumentError('OnnxBinary', `expected op one of ${onnxBinaryOps.join(', ')}, got '${options.op}'`);
    this.op = options.op;
    this.constantShape = options.constantShape === undefined ? undefined : [...options.constantShape];
    this.constantFirst = options.constantFirst ?? false;
    this.takesInputList = this.constantShape === undefined;
  }

  protected override build(_inputShape: number[] | number[][]): void {
    if (this.constantShape !== undefined)
      this.addWeight('constant', this.constantShape, { initializer: 'zeros', trainable: false });
  }

  protected override call(x: tf.Tensor | tf.Tensor[], _context: CallContext): tf.Tensor {
    const fn = ops[this.op];
    if (Array.isArray(x)) return fn(x[0] as tf.Tensor, x[1] as tf.Tensor);
    const c = this.weight('constant').read();
    return this.constantFirst ? fn(c, x) : fn(x, c);
  }

  override getConfig(): LayerConfig {
    return {
      ...super.getConfig(),
      op: this.op,
      ...(this.constantShape === undefined ? {} : { constantShape: [...this.constantShape] }),
      constantFirst: this.constantFirst,
    };
  }
}

registerLayerType('OnnxBinary', (config) => new OnnxBinary(config as unknown as OnnxBinaryOptions));
