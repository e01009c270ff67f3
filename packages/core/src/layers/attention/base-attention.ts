import * as tf from '@tensorflow/tfjs-core';
import { assertInRange } from '../../checks/value-checks.js';
import { ArgumentError } from '../../errors/argument-error.js';
import { ShapeError } from '../../errors/shape-error.js';
import { Layer, type CallContext, type LayerConfig, type LayerOptions } from '../layer.js';
import { attend } from './attend.js';
import { type AttentionSizes, checkAttentionMask, checkAttentionShapes } from './attention-checks.js';

/** Options of {@link Attention} and {@link AdditiveAttention}. */
export interface AttentionOptions extends LayerOptions {
  /** Learn a scale of the logits (a scalar for Attention, a vector [D] for AdditiveAttention). */
  useScale?: boolean;
  /** Query i attends only to keys j <= i (Keras' use_causal_mask). Default false. */
  causal?: boolean;
  /** Also return the attention weights: `applyMulti` gives [output, scores [B, Tq, Tv]]. Default false. */
  returnScores?: boolean;
  /** Dropout rate on the attention weights in training, in [0, 1). Default 0. */
  dropout?: number;
}

const ownKeys = ['useScale', 'causal', 'returnScores', 'dropout'] as const;

function flag(typeName: string, name: string, value: unknown, fallback: boolean): boolean {
  if (value === undefined) return fallback;
  if (typeof value !== 'boolean')
    throw new ArgumentError(typeName, `expected ${name} to be a boolean, got ${JSON.stringify(value)}`);
  return value;
}

/**
 * What the two attention layers share: the list input `[query, value]` or `[query, value, key]`, the
 * masks (the value's masks the keys, the query's zeroes output rows and is the output's mask),
 * causal masking, dropout on the weights, returnScores, and the config. A subclass supplies the logits.
 *
 * @example
 * class Scaled extends BaseAttention { ... protected logits(q, k) { return tf.matMul(q, k, false, true); } }
 *
 * In plain words: everything about attention except how a query and a key are compared.
 */
export abstract class BaseAttention extends Layer {
  override readonly takesInputList = true;
  readonly useScale: boolean;
  readonly causal: boolean;
  readonly returnScores: boolean;
  readonly dropout: number;
  /** Sizes seen at build: D and Dv stay fixed, Tq and Tv may change from call to call. */
  private sizesAtBuild: AttentionSizes | undefined;

  constructor(options: AttentionOptions, typeName: string, useScaleDefault: boolean) {
    super(options, typeName, ownKeys);
    this.useScale = flag(typeName, 'useScale', options.useScale, useScaleDefault);
    this.causal = flag(typeName, 'causal', options.causal, false);
    this.returnScores = flag(typeName, 'returnScores', options.returnScores, false);
    this.dropout = options.dropout ?? 0;
    assertInRange(typeName, 'dropout', this.dropout, { min: 0, max: 1, maxExclusive: true });
  }

  /** The logits [B, Tq, Tv] of query [B, Tq, D] against key [B, Tv, D]. */
  protected abstract logits(query: tf.Tensor, key: tf.Tensor): tf.Tensor;

  /** Creates the scale weight (only called when useScale) for key width D. */
  protected abstract buildScale(dim: number): void;

  protected override build(inputShape: number[] | number[][]): void {
    this.sizesAtBuild = checkAttentionShapes(`${this.typeName}.apply`, inputShape as number[][]);
    if (this.useScale) this.buildScale(this.sizesAtBuild.dim);
  }

  /** Any Tq and Tv; D and Dv as at build. */
  protected override checkInputShape(inputShape: readonly number[] | readonly (readonly number[])[]): void {
    const fn = `${this.typeName}.apply`;
    const sizes = checkAttentionShapes(fn, inputShape as number[][]);
    const built = this.sizesAtBuild;
    if (built !== undefined && (sizes.dim !== built.dim || sizes.valueDim !== built.valueDim))
      throw new ShapeError(
        fn,
        `layer '${this.name}' was built for query/key width D = ${built.dim} and value width Dv = ` +
          `${built.valueDim}, got D = ${sizes.dim} and Dv = ${sizes.valueDim}`,
      );
  }

  protected override call(x: tf.Tensor | tf.Tensor[], context: CallContext): tf.Tensor | tf.Tensor[] {
    const fn = `${this.typeName}.apply`;
    const [query, value, key = value] = x as [tf.Tensor, tf.Tensor, tf.Tensor?];
    const sizes = checkAttentionShapes(
      fn,
      (x as tf.Tensor[]).map((t) => t.shape),
    );
    const [queryMask, valueMask] = context.masks ?? [];
    checkAttentionMask(fn, 'query', queryMask, sizes.batch, sizes.queries);
    checkAttentionMask(fn, 'value', valueMask, sizes.batch, sizes.keys);
    const dropWeights = context.training && this.dropout > 0 ? (weights: tf.Tensor) => this.drop(weights) : undefined;
    const { output, scores } = attend(this.logits(query, key), value, {
      valueMask,
      queryMask,
      causal: this.causal,
      dropWeights,
    });
    return this.returnScores ? [output, scores] : output;
  }

  /** The output mask: the query's (Keras), for the scores too when returned; none without one. */
  protected override computeMask(
    _x: tf.Tensor | tf.Tensor[],
    mask: tf.Tensor | readonly (tf.Tensor | undefined)[] | undefined,
  ): tf.Tensor | undefined {
    return Array.isArray(mask) ? mask[0] : undefined;
  }

  /** Inverted dropout on the weights, mask drawn from the layer's seed (the same on every backend). */
  private drop(weights: tf.Tensor): tf.Tensor {
    const random = this.randomSource();
    const keep = 1 - this.dropout;
    const mask = new Float32Array(weights.size);
    for (let i = 0; i < mask.length; i++) mask[i] = random.next() < keep ? 1 / keep : 0;
    return tf.mul(weights, tf.tensor(mask, weights.shape, 'float32'));
  }

  override getConfig(): LayerConfig {
    return {
      ...super.getConfig(),
      useScale: this.useScale,
      causal: this.causal,
      returnScores: this.returnScores,
      dropout: this.dropout,
    };
  }
}
