import * as tf from '@tensorflow/tfjs-core';

/**
 * The output mask of a layer that merges its inputs step by step (Add, Multiply, Concatenate on the
 * feature axis), Keras semantics: the AND of the masks given (a step is real only where every
 * masked input calls it real); undefined when no input has one. Call inside tf.tidy.
 */
export function andOfMasks(masks: readonly (tf.Tensor | undefined)[] | undefined): tf.Tensor | undefined {
  const given = (masks ?? []).filter((m): m is tf.Tensor => m !== undefined);
  if (given.length === 0) return undefined;
  return given
    .slice(1)
    .reduce((all, m) => tf.logicalAnd(all, tf.cast(m, 'bool')), tf.cast(given[0] as tf.Tensor, 'bool'));
}
