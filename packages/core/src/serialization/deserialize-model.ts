import * as tf from '@tensorflow/tfjs-core';
import { describeShape } from '../checks/tensor-checks.js';
import { ArgumentError } from '../errors/argument-error.js';
import { BaihuaError } from '../errors/baihua-error.js';
import { ShapeError } from '../errors/shape-error.js';
import type { Layer, LayerConfig } from '../layers/layer.js';
import { layerFromConfig } from '../layers/layer-registry.js';
import { withParameterBudget } from '../layers/parameter-budget.js';
import { assertFiniteWeights, checkLoadOptions, type LoadModelOptions } from './load-options.js';
import type { ModelTopology } from './model-format.js';
import { isLittleEndian } from './serialize-model.js';
import { parseTopologyJson, validateTopology } from './validate-topology.js';

/** What `deserializeModel` accepts: the topology as an object or JSON text, the weights as bytes. */
export interface SerializedModelInput {
  topology: ModelTopology | string | unknown;
  weights: ArrayBuffer | Uint8Array;
}

// Errors from inside the layers (an unknown type, an unregistered activation, a bad option) name
// the layer code; the user called `fn`, so the message starts there and keeps the inner text.
function rebuild<T>(fn: string, step: () => T): T {
  try {
    return step();
  } catch (error) {
    if (!BaihuaError.isInstance(error)) throw error;
    // An error that names `fn` already (the parameter budget's refusal) passes on as it is, not named twice.
    if ((error as { functionName?: unknown }).functionName === fn) throw error;
    const wrapped = ShapeError.isInstance(error)
      ? new ShapeError(fn, `cannot rebuild the model: ${error.message}`)
      : new ArgumentError(fn, `cannot rebuild the model: ${error.message}`);
    throw Object.assign(wrapped, { cause: error });
  }
}

/**
 * Builds a rebuilt layer for the saved input shapes (a graph Model is built by its config already;
 * any other layer needs fixed sizes).
 */
function buildForTopology(layer: Layer, topology: ModelTopology): void {
  if (layer.isBuilt) return;
  const shapes = topology.inputShapes ?? [topology.inputShape ?? []];
  if (shapes.some((s) => s.slice(1).includes(null)))
    throw new ShapeError('build', `a ${layer.typeName} cannot be built for free (null) input sizes`);
  const concrete = shapes.map((s) => [1, ...(s.slice(1) as number[])]);
  layer.ensureBuilt(topology.inputShapes ? concrete : (concrete[0] as number[]));
}

/**
 * Rebuilds a model from `{ topology, weights }` (see serializeModel). Everything is checked before
 * use: format and version, prototype-polluting keys, unknown layer types, a manifest whose sizes add
 * up to the buffer exactly, weight names and shapes equal to those the rebuilt model has, and
 * finite weight values (NaN or +-Infinity is refused unless `allowNonFinite: true`). On any
 * failure it throws a clear error and leaves nothing behind (no model, no variables).
 *
 * @example
 * const model = await deserializeModel({ topology: jsonText, weights: arrayBuffer });
 * const broken = await deserializeModel({ topology: jsonText, weights: nanBytes }, { allowNonFinite: true });
 *
 * In plain words: rebuild the machine from its blueprint, then set every knob from the box, refusing
 * any blueprint or box that does not fit.
 */
export function deserializeModel(input: SerializedModelInput, options: LoadModelOptions = {}): Promise<Layer> {
  return deserializeModelAs('deserializeModel', input, options);
}

/** deserializeModel for a loader: errors name `fn` (loadModel, loadModelFromIndexedDB, ...). */
export async function deserializeModelAs(
  fn: string,
  input: SerializedModelInput,
  options: LoadModelOptions | undefined,
): Promise<Layer> {
  const allowNonFinite = checkLoadOptions(fn, options);
  if (input === null || typeof input !== 'object')
    throw new ArgumentError(fn, `expected { topology, weights }, got ${input === null ? 'null' : typeof input}`);
  const bytes =
    input.weights instanceof ArrayBuffer
      ? new Uint8Array(input.weights)
      : input.weights instanceof Uint8Array
        ? input.weights
        : undefined;
  if (!bytes)
    throw new ArgumentError(
      fn,
      `expected weights to be an ArrayBuffer or Uint8Array, ` +
        `got ${input.weights === null ? 'null' : typeof input.weights}`,
    );
  if (!isLittleEndian())
    throw new ArgumentError(fn, 'this platform is big-endian; the weights format is little-endian');
  const raw = typeof input.topology === 'string' ? parseTopologyJson(fn, input.topology) : input.topology;
  const topology = validateTopology(fn, raw, bytes.byteLength);
  if (!allowNonFinite) assertFiniteWeights(fn, topology.weights, bytes);
  const parameters = topology.weights.reduce((n, w) => n + w.byteLength / 4, 0);
  let model: Layer | undefined;
  try {
    model = withParameterBudget(fn, parameters, () => {
      const layer = rebuild(fn, () => layerFromConfig(topology.model as LayerConfig));
      try {
        rebuild(fn, () => buildForTopology(layer, topology));
      } catch (error) {
        layer.dispose();
        throw error;
      }
      return layer;
    });
    const weights = model.weights();
    if (weights.length !== topology.weights.length) {
      throw new ShapeError(
        fn,
        `the weights do not match the model: the topology builds ${weights.length} weights, ` +
          `the manifest lists ${topology.weights.length}`,
      );
    }
    weights.forEach((w, i) => {
      const entry = topology.weights[i] as ModelTopology['weights'][number];
      const sameShape = entry.shape.length === w.shape.length && entry.shape.every((s, k) => s === w.shape[k]);
      if (entry.path !== w.path || !sameShape) {
        throw new ShapeError(
          fn,
          `the weights do not match the model: weight ${i} is '${w.path}' of shape ${describeShape(w.shape)}, ` +
            `the manifest has '${entry.path}' of shape ${describeShape(entry.shape)}`,
        );
      }
    });
    weights.forEach((w, i) => {
      const entry = topology.weights[i] as ModelTopology['weights'][number];
      const values = new Float32Array(entry.byteLength / 4);
      new Uint8Array(values.buffer).set(bytes.subarray(entry.byteOffset, entry.byteOffset + entry.byteLength));
      const tensor = tf.tensor(values, entry.shape, 'float32');
      w.variable.assign(tensor);
      tensor.dispose();
    });
    return model;
  } catch (error) {
    model?.dispose();
    throw error;
  }
}
