import '@baihua/activations';
import { ArgumentError, lookupActivation, registeredActivationNames, type Activation } from '@baihua/core';

const identity: Activation = (x) => x;

/**
 * A layer's activation option as a function: a function, or a name registered with
 * `registerActivation` (@baihua/activations registers relu, tanh, ...); 'linear' is the identity.
 */
export function resolveLayerActivation(layerType: string, activation: Activation | string): Activation {
  if (typeof activation === 'function') return activation;
  if (typeof activation !== 'string') throw new ArgumentError(layerType, `expected activation to be a function or a registered name, got ${typeof activation}`);
  if (activation === 'linear' && !registeredActivationNames().includes('linear')) return identity;
  if (!registeredActivationNames().includes(activation)) {
    throw new ArgumentError(layerType, `expected activation to be a registered name (${registeredActivationNames().join(', ')}) or a function, got ${JSON.stringify(activation)}`);
  }
  return lookupActivation(activation);
}

/** The name to save for an activation: its own name, or the registered name of the same function. */
export function activationName(layerType: string, activation: Activation | string): string {
  if (typeof activation === 'string') return activation;
  const found = registeredActivationNames().find((name) => lookupActivation(name) === activation);
  if (found === undefined) {
    throw new ArgumentError(`${layerType}.getConfig`, `the activation function ${activation.name || '(anonymous)'} is not registered: pass its name or register it with registerActivation, so the model can be saved`);
  }
  return found;
}
