import type { Layer } from '../layers/layer.js';
import type { WeightSnapshot } from './diagnostics-record.js';
import { modelLayers } from './model-layers.js';

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
