import type { Tensor } from '@tensorflow/tfjs-core';
import { ArgumentError } from '../errors/argument-error.js';

/**
 * An activation: elementwise (or, for softmax, along the last axis) map from a tensor to a tensor
 * of the same shape. `(x: Tensor) => Tensor`, nothing more, so any tfjs function fits.
 */
export type Activation = (x: Tensor) => Tensor;

const registryKey = Symbol.for('baihua.activationRegistry');

/** One registry per process, shared by every installed copy of @baihua/core. */
function registry(): Map<string, Activation> {
  const holder = globalThis as { [registryKey]?: Map<string, Activation> };
  holder[registryKey] ??= new Map();
  return holder[registryKey];
}

/**
 * Registers an activation under a name, so that layers and saved models can name it
 * (`new Dense({ activation: 'relu' })`). @baihua/activations registers its functions when imported.
 * Registering a name again replaces the earlier function.
 */
export function registerActivation(name: string, activation: Activation): void {
  if (typeof name !== 'string' || name.length === 0) {
    throw new ArgumentError(
      'registerActivation',
      `expected name to be a non-empty string, got ${JSON.stringify(name)}`,
    );
  }
  if (typeof activation !== 'function') {
    throw new ArgumentError('registerActivation', `expected activation to be a function, got ${typeof activation}`);
  }
  registry().set(name, activation);
}

/**
 * Looks up a registered activation by name.
 * @throws ArgumentError listing the registered names when `name` is unknown.
 */
export function lookupActivation(name: string): Activation {
  const found = registry().get(name);
  if (!found) {
    const known = [...registry().keys()].sort();
    const hint =
      known.length === 0
        ? "none is registered: import '@baihua/activations' or call registerActivation"
        : `registered: ${known.join(', ')}`;
    throw new ArgumentError('lookupActivation', `unknown activation '${name}' (${hint})`);
  }
  return found;
}

/** The names registered so far, sorted. */
export function registeredActivationNames(): string[] {
  return [...registry().keys()].sort();
}

/** An activation given as a function or a registered name, resolved to the function. */
export function resolveActivation(activation: Activation | string): Activation {
  return typeof activation === 'string' ? lookupActivation(activation) : activation;
}
