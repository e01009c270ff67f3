import { ArgumentError } from '../errors/argument-error.js';
import type { Layer } from '../layers/layer.js';
import type { WeightSnapshot } from './diagnostics-record.js';
import { assertLayerNames, modelLayers } from './model-layers.js';

/**
 * Throws unless the snapshot's layer is one of the model's and, once built, has the weight (a layer
 * not built yet is checked at the first snapshot, reported through onWarning).
 */
export function checkSnapshotWeight(model: Layer, snapshot: { layer: string; weight: string }): void {
  assertLayerNames('trainingDiagnostics', 'snapshot.layer', model, [snapshot.layer]);
  const layer = modelLayers(model).find((l) => l.name === snapshot.layer) as Layer;
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
  const found = modelLayers(model).find((l) => l.name === layer);
  if (found === undefined) throw new Error(`snapshot: model '${model.name}' has no layer '${layer}'`);
  const variable = found.weight(weight).variable;
  const shape = variable.shape;
  const columns = shape.at(-1) ?? 1;
  const rows = shape.length < 2 ? 1 : shape.slice(0, -1).reduce((a, b) => a * b, 1);
  const values = Array.from(await variable.data());
  return { layer, weight, epoch, shape: [rows, columns], values };
}
