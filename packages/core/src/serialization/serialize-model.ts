import { ArgumentError } from '../errors/argument-error.js';
import type { Layer } from '../layers/layer.js';
import {
  modelFormatName,
  modelFormatVersion,
  type SerializedModel,
  singleInputFormatVersion,
  type WeightManifestEntry,
} from './model-format.js';

/** True when this platform stores Float32Array values little-endian (every current one does). */
export function isLittleEndian(): boolean {
  return new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
}

/**
 * Turns a built model into `{ topology, weights }`: the topology JSON (format version, input shape,
 * layer configs, weight manifest) and every weight's float32 bytes, little-endian, back to back in
 * `model.weights()` order. Bit-exact: bytes are copied, never reformatted. Works in browsers
 * (store the parts in IndexedDB or offer them as downloads) and in Node (see saveModel).
 *
 * @example
 * const { topology, weights } = await serializeModel(model);
 * const copy = await deserializeModel({ topology, weights });
 *
 * In plain words: write down the blueprint and pack the knob settings into one box.
 */
export async function serializeModel(model: Layer): Promise<SerializedModel> {
  if (model === null || typeof model !== 'object' || typeof model.getConfig !== 'function') {
    throw new ArgumentError(
      'serializeModel',
      `expected model to be a Layer, got ${model === null ? 'null' : typeof model}`,
    );
  }
  if (!model.isBuilt || !model.inputShape)
    throw new ArgumentError(
      'serializeModel',
      `model '${model.name}' is not built yet: apply it to an input (or call ensureBuilt) first`,
    );
  if (!isLittleEndian())
    throw new ArgumentError('serializeModel', 'this platform is big-endian; the weights format is little-endian');
  const config = model.getConfig();
  const weights = model.weights();
  const manifest: WeightManifestEntry[] = [];
  let offset = 0;
  for (const w of weights) {
    const byteLength = w.variable.size * 4;
    manifest.push({ path: w.path, shape: [...w.variable.shape], dtype: 'float32', byteOffset: offset, byteLength });
    offset += byteLength;
  }
  const buffer = new ArrayBuffer(offset);
  const bytes = new Uint8Array(buffer);
  for (let i = 0; i < weights.length; i++) {
    const values = (await (weights[i] as (typeof weights)[number]).variable.data()) as Float32Array;
    const entry = manifest[i] as WeightManifestEntry;
    bytes.set(new Uint8Array(values.buffer, values.byteOffset, entry.byteLength), entry.byteOffset);
  }
  const shapes = model.inputShapes ?? [model.inputShape];
  // One input of fixed size: version 1, which every release reads; else version 2 with every input's shape.
  const fixed = !model.takesInputList && shapes.length === 1 && !(shapes[0] ?? []).slice(1).includes(null);
  return {
    topology: {
      format: modelFormatName,
      ...(fixed
        ? { formatVersion: singleInputFormatVersion, inputShape: [...model.inputShape] }
        : { formatVersion: modelFormatVersion, inputShapes: shapes.map((s) => [...s]) }),
      model: config,
      weights: manifest,
    },
    weights: buffer,
  };
}
