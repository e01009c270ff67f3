/**
 * The seed's activations, the ones this package's `derivatives` and `activationProperties` cover,
 * in the seed's order. Each is a built-in name of @baihua/core's registry (which also has
 * hardSigmoid, gelu, silu/swish, softplus and selu), so `getActivation(name)` finds it with any import.
 *
 * @example
 * activationNames.map((name) => getActivation(name)(x)); // every seed activation of x
 *
 * In plain words: the roll call of the seed's activations.
 */
export const activationNames = [
  'sigmoid',
  'tanh',
  'relu',
  'leakyRelu',
  'elu',
  'softmax',
  'logSoftmax',
  'linear',
] as const;

/** One of {@link activationNames}. */
export type ActivationName = (typeof activationNames)[number];
