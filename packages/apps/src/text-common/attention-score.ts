import { Dense, type Layer } from '@baihua/core';
import * as tf from '@tensorflow/tfjs-core';

/**
 * How a decoder state h [N, H] is scored against each memory position m_s [N, S, D]:
 * 'dot' h·m_s (Luong; needs H = D), 'general' h·(W_a m_s) (Luong), 'additive'
 * v·tanh(W_q h + W_k m_s + b) (Bahdanau's score).
 */
export type AttentionScore = 'dot' | 'general' | 'additive';

/** A masked logit's bias (Keras' value): exp() of it is exactly 0 in float32, so a padded position gets weight 0. */
const maskedBias = -1e9;

/**
 * The layers one attention score needs: `keys` turns the memory [N, S, D] into keys [N, S, K]
 * (once per memory), `query` turns h [N, H] into a query [N, K], `vector` (additive only) is v.
 * 'dot' has no layers (keys = memory, query = h).
 */
export interface ScoreLayers {
  keys?: Dense;
  query?: Dense;
  vector?: Dense;
}

/**
 * Creates the score layers for `score` with `units` hidden units (the additive score's width;
 * 'general' uses the decoder's hidden size). In plain words: the small learned judges of each score.
 */
export function createScoreLayers(score: AttentionScore, hiddenSize: number, units: number): ScoreLayers {
  if (score === 'dot') return {};
  if (score === 'general') return { keys: new Dense({ units: hiddenSize, useBias: false }) };
  return {
    keys: new Dense({ units }),
    query: new Dense({ units, useBias: false }),
    vector: new Dense({ units: 1, useBias: false }),
  };
}

/** The score layers as a list (for a container's children), in a fixed order. */
export function scoreLayerList(layers: ScoreLayers): Layer[] {
  return [layers.keys, layers.query, layers.vector].filter((layer): layer is Dense => layer !== undefined);
}

/** Keys [N, S, K] of a memory [N, S, D], a new tensor (a copy of the memory for 'dot'). Call inside tf.tidy. */
export function memoryKeys(layers: ScoreLayers, memory: tf.Tensor3D): tf.Tensor3D {
  return (layers.keys === undefined ? tf.clone(memory) : layers.keys.apply(memory)) as tf.Tensor3D;
}

/**
 * One attention read: weights a = softmax_s(score(h, m_s) + (-1e9)(1 - mask_s)) [N, S] and the
 * context c = sum_s a_s m_s [N, D]. mask: float [N, S], 1 at real positions (optional). Inside tf.tidy.
 *
 * In plain words: score every memory position, hide the padding, and mix the memory by the shares.
 */
export function attendOnce(
  layers: ScoreLayers,
  hidden: tf.Tensor2D,
  keys: tf.Tensor3D,
  memory: tf.Tensor3D,
  mask: tf.Tensor2D | undefined,
): { weights: tf.Tensor2D; context: tf.Tensor2D } {
  const [n, s, k] = keys.shape;
  let logits: tf.Tensor2D;
  if (layers.vector === undefined) {
    logits = tf.reshape(tf.matMul(keys, tf.reshape(hidden, [n, k, 1])), [n, s]);
  } else {
    const query = tf.reshape((layers.query as Dense).apply(hidden), [n, 1, k]);
    logits = tf.reshape(layers.vector.apply(tf.tanh(tf.add(keys, query))), [n, s]);
  }
  if (mask !== undefined) logits = tf.add(logits, tf.mul(tf.sub(1, mask), maskedBias));
  const weights = tf.softmax(logits, -1) as tf.Tensor2D;
  const context = tf.reshape(tf.matMul(tf.reshape(weights, [n, 1, s]), memory), [n, memory.shape[2]]) as tf.Tensor2D;
  return { weights, context };
}
