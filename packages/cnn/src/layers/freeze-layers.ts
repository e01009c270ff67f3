import { ArgumentError, assertKnownOptions, type Layer } from '@baihua/core';

/**
 * Which layers: an index into the model's direct layers (negative counts from the end), a name
 * (searched at any depth), a list of those, or `{ upTo: n }` for the first n layers.
 */
export type LayerSelection = number | string | readonly (number | string)[] | { upTo: number };

/**
 * Freezes layers: sets `trainable = false` on each selected layer (and so on its children), so
 * core's `fit` leaves their weights alone while the rest trains. Returns the layers it froze.
 * Batch norm inside a frozen layer still updates its running statistics in training mode
 * (call the frozen part with training false, or accept it, as Keras 2 did).
 *
 * @example
 * freezeLayers(model, { upTo: 4 });   // the convolutional base: C1, S2, C3, S4
 * freezeLayers(model, ['C1', 'C3']);  // by name
 *
 * In plain words: keep the experienced guards as they are (frozen base), train only the newcomers.
 */
export function freezeLayers(model: Layer, selection: LayerSelection): Layer[] {
  const layers = selectLayers('freezeLayers', model, selection);
  for (const layer of layers) layer.trainable = false;
  return layers;
}

/**
 * Unfreezes layers (`trainable = true`, children included): the seed's third step, fine-tuning the
 * middle layers once the new head has learnt. Same selection as {@link freezeLayers}.
 *
 * @example
 * unfreezeLayers(model, -3); // the third layer from the end
 *
 * In plain words: let the old guards learn again, now that the newcomers know the job.
 */
export function unfreezeLayers(model: Layer, selection: LayerSelection): Layer[] {
  const layers = selectLayers('unfreezeLayers', model, selection);
  for (const layer of layers) layer.trainable = true;
  return layers;
}

/** Resolves a selection to layers, checking every entry before returning any. */
export function selectLayers(fn: string, model: Layer, selection: LayerSelection): Layer[] {
  if (model === null || typeof model !== 'object' || typeof (model as Layer).children !== 'function') {
    throw new ArgumentError(
      fn,
      `expected model to be a Layer (e.g. a Sequential), got ${model === null ? 'null' : typeof model}`,
    );
  }
  const direct = model.children();
  const names = direct.map((l) => l.name).join(', ');
  if (typeof selection === 'object' && selection !== null && !Array.isArray(selection)) {
    assertKnownOptions(fn, 'selection', selection, ['upTo']);
    const upTo = (selection as { upTo: unknown }).upTo;
    if (typeof upTo !== 'number' || !Number.isInteger(upTo) || upTo < 0 || upTo > direct.length) {
      throw new ArgumentError(
        fn,
        `expected upTo to be an integer in [0, ${direct.length}] ` +
          `(model '${model.name}' has ${direct.length} layers), got ${String(upTo)}`,
      );
    }
    return direct.slice(0, upTo);
  }
  const entries: readonly unknown[] = Array.isArray(selection) ? selection : [selection];
  return entries.map((entry) => {
    if (typeof entry === 'number') {
      if (!Number.isInteger(entry) || entry < -direct.length || entry >= direct.length) {
        throw new ArgumentError(
          fn,
          `expected a layer index in [${-direct.length}, ${direct.length - 1}] for model '${model.name}' (layers: ` +
            `${names}), got ${entry}`,
        );
      }
      return direct.at(entry) as Layer;
    }
    if (typeof entry === 'string') {
      const found = findByName(model, entry);
      if (!found) throw new ArgumentError(fn, `no layer named '${entry}' in model '${model.name}' (layers: ${names})`);
      return found;
    }
    throw new ArgumentError(fn, `expected a layer index, name, list of them or { upTo }, got ${JSON.stringify(entry)}`);
  });
}

function findByName(root: Layer, name: string): Layer | undefined {
  for (const child of root.children()) {
    if (child.name === name) return child;
    const deeper = findByName(child, name);
    if (deeper) return deeper;
  }
  return undefined;
}
