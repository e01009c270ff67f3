import type { Tensor } from '@tensorflow/tfjs-core';
import { builtInActivations } from '../activations/built-in-activations.js';
import { closestName } from '../checks/option-keys.js';
import { ArgumentError } from '../errors/argument-error.js';

/**
 * An activation: elementwise (or, for softmax, along the last axis) map from a tensor to a tensor
 * of the same shape. `(x: Tensor) => Tensor`, nothing more, so any tfjs function fits.
 */
export type Activation = (x: Tensor) => Tensor;

const registryKey = Symbol.for('baihua.activationRegistry');

/**
 * One registry per process, shared by every installed copy of @baihua/core, holding the built-in
 * activations from the first access on: no import has to fill it. A second copy of core finds the
 * built-ins already there and uses the first copy's functions.
 */
function registry(): Map<string, Activation> {
  const holder = globalThis as { [registryKey]?: Map<string, Activation> };
  holder[registryKey] ??= new Map();
  const map = holder[registryKey];
  for (const [name, activation] of Object.entries(builtInActivations)) if (!map.has(name)) map.set(name, activation);
  return map;
}

function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'string' ? `'${value}'` : typeof value;
}

/**
 * THE activation resolver: a function passes through, a name gives the registered function.
 * Built in with @baihua/core alone: linear, sigmoid, tanh, relu, leakyRelu, elu, softmax,
 * logSoftmax, hardSigmoid, gelu, silu (alias swish), softplus, selu; more with `registerActivation`.
 * `functionName` is the caller the error names (a layer passes its type).
 *
 * @throws ArgumentError for an unknown name, with the closest registered one and the full list:
 *   `Dense: unknown activation 'rleu' (did you mean 'relu'? known: elu, gelu, ...)`.
 * @example
 * const f = getActivation('relu');
 * f(tf.tensor([-1, 2])); // [0, 2]
 *
 * In plain words: ask for an activation by name, as a layer's config does.
 */
export function getActivation(activation: Activation | string, functionName = 'getActivation'): Activation {
  if (typeof activation === 'function') return activation;
  if (typeof activation !== 'string') {
    throw new ArgumentError(
      functionName,
      `expected activation to be a function or a registered name, got ${describeValue(activation)}`,
    );
  }
  const found = registry().get(activation);
  if (found !== undefined) return found;
  const known = registeredActivationNames();
  const closest = closestName(activation, known);
  const hint = closest === undefined ? '' : `did you mean '${closest}'? `;
  throw new ArgumentError(functionName, `unknown activation '${activation}' (${hint}known: ${known.join(', ')})`);
}

/**
 * The name to save for an activation (the reverse of {@link getActivation}, for `getConfig`): a
 * registered name is returned as it is; a function gives the first name it was registered under
 * (`silu` for silu, though 'swish' names it too).
 *
 * @throws ArgumentError for an unknown name, or for a function that was never registered (a model
 *   holding it could not be loaded again): register it with `registerActivation` or pass its name.
 * @example
 * activationNameOf(relu); // 'relu'
 *
 * In plain words: what to write in a saved model so that loading it finds the same function.
 */
export function activationNameOf(activation: Activation | string, functionName = 'activationNameOf'): string {
  if (typeof activation !== 'function') {
    getActivation(activation, functionName);
    return activation;
  }
  for (const [name, registered] of registry()) if (registered === activation) return name;
  throw new ArgumentError(
    functionName,
    `expected a registered activation so that the model can be saved, got the unregistered function ` +
      `${activation.name || '(anonymous)'} (register it with registerActivation(name, fn), or pass its name)`,
  );
}

/**
 * Registers an activation under a name, so that layers and saved models can name it
 * (`new Dense({ activation: 'cube' })`). Registering a name of yours again replaces the function.
 * A built-in name ('relu', ...) cannot be given another function: a saved model that says 'relu'
 * must mean the same thing in every program (registering the built-in function itself is allowed).
 *
 * @example
 * registerActivation('cube', (x) => tf.pow(x, 3));
 * new Dense({ units: 4, activation: 'cube' });
 *
 * In plain words: give your own activation a name that layers and saved models can use.
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
  const map = registry();
  if (Object.hasOwn(builtInActivations, name) && map.get(name) !== activation) {
    throw new ArgumentError(
      'registerActivation',
      `expected a name that is not built in, got '${name}' ` +
        '(built-in activations cannot be replaced: register yours under another name)',
    );
  }
  map.set(name, activation);
}

/**
 * Every name an activation can be asked for, built-in and registered, sorted.
 *
 * @example
 * registeredActivationNames().includes('gelu'); // true
 *
 * In plain words: the roll call of activations a layer can ask for by name.
 */
export function registeredActivationNames(): string[] {
  return [...registry().keys()].sort();
}
