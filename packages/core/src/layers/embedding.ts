import * as tf from '@tensorflow/tfjs-core';
import { assertDtype } from '../checks/tensor-checks.js';
import { assertPositiveInteger } from '../checks/value-checks.js';
import { ArgumentError } from '../errors/argument-error.js';
import { resolveInitializer, type InitializerSpec } from '../initializers/initializer.js';
import { checkEmbeddingIds, embeddingLookup } from './embedding-lookup.js';
import { Layer, type CallContext, type LayerConfig, type LayerOptions } from './layer.js';
import { registerLayerType } from './layer-registry.js';

/** Options of {@link Embedding}. */
export interface EmbeddingOptions extends LayerOptions {
  /** Vocabulary size: ids run from 0 to inputDim - 1. Required. */
  inputDim: number;
  /** Length of each id's vector. Required. */
  outputDim: number;
  /**
   * Id 0 is padding: the output carries a mask, ids != 0, that recurrent and pooling layers behind
   * it honour. Row 0 of the table still exists (and is looked up for padding), as in Keras: keep id
   * 0 for padding only, so inputDim = vocabulary + 1. Default false.
   */
  maskZero?: boolean;
  /** How the table starts. Default 'randomUniform' (U[-0.05, 0.05], Keras' 'uniform'). */
  embeddingsInitializer?: InitializerSpec;
}

/**
 * A lookup table of learned vectors: y[b, ..., :] = E[ids[b, ...], :], E: [inputDim, outputDim].
 * ids: [batch, ...] int32, or float32 holding whole numbers -> y: [batch, ..., outputDim] float32.
 * With `maskZero` the output mask is ids != 0 ([batch, ...], ANDed with a mask that came in).
 * The gradient reaches E only (a scatter-add of dy into the looked-up rows); the ids get none.
 * Ids outside [0, inputDim) are refused with an ArgumentError on cpu and wasm, where the ids are
 * read (a scan of the ids per apply); on webgpu they are not read (a synchronous read would stall
 * the GPU, and cannot be done in Node) and such an id gives a row of zeros, as TensorFlow's gather
 * on a GPU does: check new data on cpu first. E takes part in fit's L2 weight decay, like a kernel.
 *
 * @example
 * const embed = new Embedding({ inputDim: 1000, outputDim: 16, maskZero: true, seed: 1 });
 * const ids = tf.tensor2d([[5, 9, 0, 0]], [1, 4], 'int32');
 * const { outputs, masks } = embed.applyWithMask(ids);
 * // outputs[0]: [1, 4, 16]; masks[0]: [[true, true, false, false]]
 *
 * In plain words: a dictionary that gives every word number its own learned list of numbers.
 */
export class Embedding extends Layer {
  readonly inputDim: number;
  readonly outputDim: number;
  readonly maskZero: boolean;
  readonly embeddingsInitializer: InitializerSpec;

  constructor(options: EmbeddingOptions) {
    super(options, 'Embedding', ['inputDim', 'outputDim', 'maskZero', 'embeddingsInitializer']);
    assertPositiveInteger('Embedding', 'inputDim', options.inputDim);
    assertPositiveInteger('Embedding', 'outputDim', options.outputDim);
    if (options.maskZero !== undefined && typeof options.maskZero !== 'boolean')
      throw new ArgumentError('Embedding', `expected maskZero to be a boolean, got ${String(options.maskZero)}`);
    this.inputDim = options.inputDim;
    this.outputDim = options.outputDim;
    this.maskZero = options.maskZero ?? false;
    this.embeddingsInitializer = options.embeddingsInitializer ?? 'randomUniform';
    resolveInitializer(this.embeddingsInitializer); // checked now, not first at build
  }

  protected override build(_inputShape: number[]): void {
    this.addWeight('embeddings', [this.inputDim, this.outputDim], {
      initializer: this.embeddingsInitializer,
      regularize: true,
    });
  }

  /** Any shape: the ids of each call may have another length. */
  protected override checkInputShape(_inputShape: readonly number[]): void {}

  protected override call(x: tf.Tensor, _context: CallContext): tf.Tensor {
    assertDtype('Embedding.apply', 'x (ids)', x, ['int32', 'float32']);
    checkEmbeddingIds('Embedding.apply', this.name, x, this.inputDim);
    const ids = tf.reshape(x.dtype === 'int32' ? x : tf.cast(x, 'int32'), [-1]) as tf.Tensor1D;
    const rows = embeddingLookup(this.weight('embeddings').read(), ids);
    return tf.reshape(rows, [...x.shape, this.outputDim]);
  }

  /** With maskZero: ids != 0 (ANDed with the incoming mask); else the base rule (no mask in, none out). */
  protected override computeMask(x: tf.Tensor, mask: tf.Tensor | undefined): tf.Tensor | undefined {
    if (!this.maskZero) return super.computeMask(x, mask);
    const own = tf.notEqual(x, 0);
    return mask === undefined ? own : tf.logicalAnd(own, tf.cast(mask, 'bool'));
  }

  override getConfig(): LayerConfig {
    return {
      ...super.getConfig(),
      inputDim: this.inputDim,
      outputDim: this.outputDim,
      maskZero: this.maskZero,
      embeddingsInitializer: this.embeddingsInitializer,
    };
  }
}

registerLayerType('Embedding', (config) => new Embedding(config as unknown as EmbeddingOptions));
