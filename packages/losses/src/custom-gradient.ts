import * as tf from '@tensorflow/tfjs-core';

/** What a custom-gradient body returns: the value and its gradient with respect to each input. */
export interface CustomGradientResult {
  value: tf.Tensor;
  gradFunc: (dy: tf.Tensor, saved: tf.Tensor[]) => tf.Tensor[];
}

/**
 * A typed wrapper of tf.customGrad: `body(inputs, save)` computes the value (its ops are not
 * recorded on the tape) and returns `gradFunc`, which gets only the tensors passed to `save`
 * (every other tensor of the body is disposed by then).
 * Internal helper.
 */
export function customGradient<Inputs extends tf.Tensor[]>(
  body: (inputs: Inputs, save: tf.GradSaveFunc) => CustomGradientResult,
): (...inputs: Inputs) => tf.Tensor {
  type CustomBody = Parameters<typeof tf.customGrad>[0];
  const wrapped = (...args: unknown[]) => {
    const save = args[args.length - 1] as tf.GradSaveFunc;
    return body(args.slice(0, -1) as Inputs, save);
  };
  return tf.customGrad(wrapped as unknown as CustomBody) as unknown as (...inputs: Inputs) => tf.Tensor;
}
