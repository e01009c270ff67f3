import * as tf from '@tensorflow/tfjs-core';
import { registerLayerType } from '../layer-registry.js';
import { type AttentionOptions, BaseAttention } from './base-attention.js';

/**
 * Additive attention (Bahdanau), Keras' `AdditiveAttention`: `apply([query, value])` or
 * `apply([query, value, key])` with query [B, Tq, D], value [B, Tv, Dv], key [B, Tv, D] (default: the
 * value). logits[b,i,j] = sum_d scale[d] * tanh(q[b,i,d] + k[b,j,d]), `scale` a trainable vector [D]
 * (glorotUniform, as Keras) when `useScale`, all ones otherwise; then as {@link Attention}: softmax
 * over Tv with masked keys at weight 0, output = scores @ value [B, Tq, Dv], rows of masked queries 0,
 * `returnScores` for [output, scores]. Defaults: useScale true, causal false, returnScores false,
 * dropout 0. Memory: the tanh term is [B, Tq, Tv, D].
 *
 * @example
 * const attention = new AdditiveAttention({ returnScores: true, seed: 1 });
 * const [context, scores] = attention.applyMulti([decoderStates, encoderStates]); // scores [B, Tq, Tv]
 *
 * In plain words: a small learned judge scores how well each query and key go together, and each
 * query reads the values in proportion to those scores.
 */
export class AdditiveAttention extends BaseAttention {
  constructor(options: AttentionOptions = {}) {
    super(options, 'AdditiveAttention', true);
  }

  protected override buildScale(dim: number): void {
    this.addWeight('scale', [dim], { initializer: 'glorotUniform' });
  }

  protected override logits(query: tf.Tensor, key: tf.Tensor): tf.Tensor {
    const [batch, queries, dim] = query.shape as [number, number, number];
    const keys = key.shape[1] as number;
    const summed = tf.tanh(tf.add(tf.reshape(query, [batch, queries, 1, dim]), tf.reshape(key, [batch, 1, keys, dim])));
    return this.useScale ? tf.sum(tf.mul(summed, this.weight('scale').read()), -1) : tf.sum(summed, -1);
  }
}

registerLayerType('AdditiveAttention', (config) => new AdditiveAttention(config as AttentionOptions));
