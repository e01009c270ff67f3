import { ArgumentError, lookupActivation, registeredActivationNames, type Activation } from '@baihua/core';

/**
 * Looks up an activation by its registered name (core's registry, which importing this package
 * fills with 'sigmoid', 'tanh', 'relu', 'leakyRelu', 'elu', 'softmax', 'logSoftmax' and 'linear',
 * each with its default options). Delegates to `lookupActivation` from @baihua/core, so names
 * other packages register are found too.
 *
 * Shapes: the returned function maps a float32 tensor to one of the same shape.
 *
 * @throws ArgumentError naming the registered activations when `name` is unknown.
 * @example
 * const f = getActivation('relu');
 * f(tf.tensor([-1, 2])); // [0, 2]
 *
 * In plain words: ask for an activation by name, as a layer's config does.
 */
export function getActivation(name: string): Activation {
  if (typeof name !== 'string' || name.length === 0) {
    throw new ArgumentError(
      'getActivation',
      `expected name to be a non-empty string, got ${typeof name === 'string' ? "''" : typeof name}`,
    );
  }
  if (!registeredActivationNames().includes(name)) {
    throw new ArgumentError(
      'getActivation',
      `unknown activation '${name}' (registered: ${registeredActivationNames().join(', ')})`,
    );
  }
  return lookupActivation(name);
}
