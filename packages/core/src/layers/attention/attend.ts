import * as tf from '@tensorflow/tfjs-core';

/** What {@link attend} needs besides the logits and the values. */
export interface AttendOptions {
  /** [B, Tv]: true (or 1) where a key/value step is real. Masked keys get weight 0. */
  valueMask?: tf.Tensor;
  /** [B, Tq]: true (or 1) where a query step is real. Rows of masked queries come out as 0. */
  queryMask?: tf.Tensor;
  /** Query i sees only keys j <= i (a decoder that must not look ahead). */
  causal?: boolean;
  /** Applied to the weights before they mix the values (dropout in training); default none. */
  dropWeights?: (weights: tf.Tensor) => tf.Tensor;
}

/** Keras' bias for a masked logit: large enough that exp() gives exactly 0 in float32. */
const maskedBias = -1e9;

/**
 * The second half of every attention layer, Keras semantics: given logits [B, Tq, Tv] and values
 * [B, Tv, Dv], scores = softmax_j(logits + (-1e9) * (1 - allowed)), where allowed[b,i,j] = valueMask[b,j]
 * (and j <= i when causal); output = scores @ value, times queryMask[b,i]. Returns
 * `{ output: [B, Tq, Dv], scores: [B, Tq, Tv] }` (the scores after dropWeights). A query with every key
 * masked gets uniform weights, as in Keras. Call inside tf.tidy.
 *
 * @example
 * const { output, scores } = attend(tf.matMul(query, key, false, true), value, { valueMask });
 *
 * In plain words: turn the match strengths into shares that sum to one, then mix the values by those shares.
 */
export function attend(
  logits: tf.Tensor,
  value: tf.Tensor,
  options: AttendOptions,
): { output: tf.Tensor; scores: tf.Tensor } {
  const [batch, queries, keys] = logits.shape as [number, number, number];
  let allowed: tf.Tensor | undefined;
  if (options.valueMask !== undefined) allowed = tf.reshape(tf.cast(options.valueMask, 'float32'), [batch, 1, keys]);
  if (options.causal) {
    const lower = new Float32Array(queries * keys);
    for (let i = 0; i < queries; i++) for (let j = 0; j <= Math.min(i, keys - 1); j++) lower[i * keys + j] = 1;
    const causal = tf.tensor3d(lower, [1, queries, keys]);
    allowed = allowed === undefined ? causal : tf.mul(allowed, causal);
  }
  const masked = allowed === undefined ? logits : tf.add(logits, tf.mul(tf.sub(1, allowed), maskedBias));
  const weights = tf.softmax(masked, -1);
  const scores = options.dropWeights ? options.dropWeights(weights) : weights;
  let output: tf.Tensor = tf.matMul(scores as tf.Tensor3D, value as tf.Tensor3D);
  if (options.queryMask !== undefined)
    output = tf.mul(output, tf.reshape(tf.cast(options.queryMask, 'float32'), [batch, queries, 1]));
  return { output, scores };
}
