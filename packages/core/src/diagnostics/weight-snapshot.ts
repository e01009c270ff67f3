import { ArgumentError } from '../errors/argument-error.js';
import type { Layer } from '../layers/layer.js';
import type { WeightSnapshot } from './diagnostics-record.js';
import { assertLayerNames, modelLayers } from './model-layers.js';

/**
 * The layer named `name` that owns a weight `weight`: a recurrent layer and its cell share a name
 * (the cell holds the weights), so the first layer of that name is not always the one.
 */
function layerHolding(model: Layer, name: string, weight: string): Layer | undefined {
  const named = modelLayers(model).filter((l) => l.name === name);
  return named.find((l) => l.weights().some((w) => w.layer === l && w.name === weight)) ?? named[0];
}

/**
 * Throws unless the snapshot's layer is one of the model's and, once built, has the weight (a layer
 * not built yet is checked at the first snapshot, reported through onWarning).
 */
export function checkSnapshotWeight(model: Layer, snapshot: { layer: string; weight: string }): void {
  assertLayerNames('trainingDiagnostics', 'snapshot.layer', model, [snapshot.layer]);
  const layer = layerHolding(model, snapshot.layer, snapshot.weight) as Layer;
  if (!layer.isBuilt || layer.weights().some((w) => w.layer === layer && w.name === snapshot.weight)) return;
  const names = layer
    .weights()
    .filter((w) => w.layer === layer)
    .map((w) => w.name);
  throw new ArgumentError(
    'trainingDiagnostics',
    `expected snapshot.weight to name a weight of layer '${layer.name}' (has: ${names.join(', ') || 'none'}), ` +
      `got '${snapshot.weight}'`,
  );
}

/**
 * A copy of `layer`'s weight `weight` as numbers (one device read), for a heat map: a 2-D weight as
 * it is ([inputs, units] for a Dense kernel), one of rank > 2 as [prod(shape[:-1]), shape[-1]]
 * (a conv kernel: one column per filter), rank 1 as one row.
 *
 * @example await snapshotOf(model, 'dense_1', 'kernel', 3); // { layer, weight, epoch: 3, shape: [4, 8], values }
 * In plain words: a photo of one weight matrix, to compare epoch with epoch.
 */
export async function snapshotOf(model: Layer, layer: string, weight: string, epoch: number): Promise<WeightSnapshot> {
  const found = layerHolding(model, layer, weight);
  if (found === undefined) throw new Error(`snapshot: model '${model.name}' has no layer '${layer}'`);
  const variable = found.weight(weight).variable;
  const shape = variable.shape;
  const columns = shape.at(-1) ?? 1;
  const rows = shape.length < 2 ? 1 : shape.slice(0, -1).reduce((a, b) => a * b, 1);
  const values = Array.from(await variable.data());
  return { layer, weight, epoch, shape: [rows, columns], values };
}
