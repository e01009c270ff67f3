import { ArgumentError } from '../errors/argument-error.js';
import type { Layer } from '../layers/layer.js';
import type { LayerWeight } from '../layers/layer-weight.js';
import { getActivation, registeredActivationNames } from '../registry/activation-registry.js';

/**
 * The model and every layer inside it (children, their children, ...), each once, in the order of
 * `children()`: input side first for a Sequential.
 *
 * @example modelLayers(new Sequential({ layers: [a, b] })); // [sequential, a, b]
 * In plain words: every box in the model, the outer box first.
 */
export function modelLayers(model: Layer): Layer[] {
  const seen = new Set<Layer>();
  const visit = (layer: Layer) => {
    if (seen.has(layer)) return;
    seen.add(layer);
    for (const child of layer.children()) visit(child);
  };
  visit(model);
  return [...seen];
}

/** Throws unless every name is a layer of the model, naming the model's layers. */
export function assertLayerNames(fn: string, argument: string, model: Layer, names: readonly string[]): void {
  const known = modelLayers(model).map((layer) => layer.name);
  for (const name of names)
    if (!known.includes(name))
      throw new ArgumentError(
        fn,
        `expected ${argument} to name layers of model '${model.name}' (has: ${known.join(', ')}), got '${name}'`,
      );
}

const reluNames = ['relu', 'relu6'];

/**
 * True for a layer whose output is a ReLU's (activation 'relu' or 'relu6', by name or as the
 * registered function): a unit of it whose output is 0 on every example is dead (no gradient flows
 * through it). LeakyReLU and ELU units cannot die that way and are not watched.
 *
 * @example isReluLayer(new Dense({ units: 4, activation: 'relu' })); // true
 * In plain words: the layers whose units can switch off for good.
 */
export function isReluLayer(layer: Layer): boolean {
  const activation = (layer as unknown as { activation?: unknown }).activation;
  if (typeof activation === 'string') return reluNames.includes(activation);
  // Only names that are registered: looking up one that is not (relu6 without a package that adds it) throws.
  const registered = registeredActivationNames();
  return (
    typeof activation === 'function' &&
    reluNames.some((name) => registered.includes(name) && getActivation(name) === activation)
  );
}

/**
 * The weights grouped by the name of the layer that owns them, in their order (input side first for
 * a Sequential); only the layers named in `only`, when given.
 *
 * @example groupByLayer(model.trainableWeights()); // Map { 'dense_1' => [kernel, bias], ... }
 * In plain words: each layer's knobs together.
 */
export function groupByLayer(weights: readonly LayerWeight[], only?: readonly string[]): Map<string, LayerWeight[]> {
  const groups = new Map<string, LayerWeight[]>();
  for (const weight of weights) {
    const name = weight.layer.name;
    if (only && !only.includes(name)) continue;
    groups.set(name, [...(groups.get(name) ?? []), weight]);
  }
  return groups;
}
