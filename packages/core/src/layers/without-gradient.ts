import * as tf from '@tensorflow/tfjs-core';

/**
 * Runs `compute` on `inputs` as a constant of the gradient: the result gets no gradient and its ops
 * (comparisons, `any`, casts to bool) are never recorded on the tape, so a mask computed from a
 * differentiated input (Masking's x != maskValue) cannot break tf.grad, which refuses ops without a
 * gradient. tfjs has no stopGradient; a custom gradient that returns zeros is one.
 * Internal helper (as `withoutGradient` in @baihua/losses).
 *
 * @example
 * const mask = withoutGradient((v) => tf.any(tf.notEqual(v, 0), -1), x); // [batch, time] bool
 *
 * In plain words: use this value, but do not ask how it would change if the input changed.
 */
export function withoutGradient(compute: (...inputs: tf.Tensor[]) => tf.Tensor, ...inputs: tf.Tensor[]): tf.Tensor {
  const shapes = inputs.map((input) => input.shape);
  const body = (...args: unknown[]) => ({
    value: compute(...(args.slice(0, -1) as tf.Tensor[])),
    gradFunc: () => shapes.map((shape) => tf.zeros(shape)),
  });
  type CustomBody = Parameters<typeof tf.customGrad>[0];
  return (tf.customGrad(body as unknown as CustomBody) as unknown as (...xs: tf.Tensor[]) => tf.Tensor)(...inputs);
}
