import { ArgumentError } from '../errors/argument-error.js';
import { lookupActivation, registeredActivationNames, type Activation } from '../registry/activation-registry.js';

const identity: Activation = (x) => x;

/**
 * Resolves a layer's activation option: a function, or a name registered with
 * `registerActivation`; 'linear' means none unless something registered that name.
 */
export function resolveLayerActivation(layerType: string, activation: Activation | string): Activation {
  if (typeof activation === 'function') return activation;
  if (typeof activation !== 'string')
    throw new ArgumentError(
      layerType,
      `expected activation to be a function or a registered name, got ${typeof activation}`,
    );
  if (activation === 'linear' && !registeredActivationNames().includes('linear')) return identity;
  try {
    return lookupActivation(activation);
  } catch (error) {
    throw new ArgumentError(layerType, `activation: ${(error as Error).message}`);
  }
}

/** The name to save for an activation: its own name, or the registered name of the same function. */
export function activationName(layerType: string, activation: Activation | string): string {
  if (typeof activation === 'string') return activation;
  const found = registeredActivationNames().find((name) => lookupActivation(name) === activation);
  if (found === undefined) {
    throw new ArgumentError(
      `${layerType}.getConfig`,
      `the activation function ${activation.name || '(anonymous)'} is not registered: register it with registerActivation(name, fn) or pass its name, so the model can be saved`,
    );
  }
  return found;
}
