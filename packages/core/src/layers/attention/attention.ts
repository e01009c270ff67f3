import * as tf from '@tensorflow/tfjs-core';
import { registerLayerType } from '../layer-registry.js';
import { type AttentionOptions, BaseAttention } from './base-attention.js';

/**
 * Dot-product attention (Luong), Keras' `Attention`: `apply([query, value])` or
 * `apply([query, value, key])` with query [B, Tq, D], value [B, Tv, Dv], key [B, Tv, D] (default: the
 * value). logits = q k^T (times a trainable scalar `scale`, initially 1, when `useScale`);
 * scores = softmax over Tv, with masked keys (the value's mask, and j > i when `causal`) at weight 0;
 * output = scores @ value [B, Tq, Dv], rows of masked queries set to 0; the output's mask is the query's.
 * With `returnScores`, `applyMulti` returns [output, scores [B, Tq, Tv]] (scores after dropout in
 * training). Defaults: useScale false, causal false, returnScores false, dropout 0.
 *
 * @example
 * const attention = new Attention({ returnScores: true });
 * const [context, scores] = attention.applyMulti([decoderStates, encoderStates]); // scores [B, Tq, Tv]
 *
 * In plain words: each query looks at every key, finds the ones most like itself, and reads a blend
 * of their values, weighted by the likeness.
 */
export class Attention extends BaseAttention {
  constructor(options: AttentionOptions = {}) {
    super(options, 'Attention', false);
  }

  protected override buildScale(_dim: number): void {
    this.addWeight('scale', [], { initializer: 'ones' });
  }

  protected override logits(query: tf.Tensor, key: tf.Tensor): tf.Tensor {
    const logits = tf.matMul(query as tf.Tensor3D, key as tf.Tensor3D, false, true);
    return this.useScale ? tf.mul(logits, this.weight('scale').read()) : logits;
  }
}

registerLayerType('Attention', (config) => new Attention(config as AttentionOptions));
