import { assertKnownOptions } from '../checks/option-keys.js';
import { describeShape } from '../checks/tensor-checks.js';
import { unravelIndex } from '../checks/unravel-index.js';
import { ArgumentError } from '../errors/argument-error.js';
import type { WeightManifestEntry } from './model-format.js';

/** Options every model loader takes (loadModel, deserializeModel, loadModelFromIndexedDB, loadModelFromFiles). */
export interface LoadModelOptions {
  /**
   * Accept weights that hold NaN or +-Infinity. Default false: such a file is refused, naming the
   * weight and the first bad element (a model trained into NaN, or a damaged file, loads otherwise
   * without a word and predicts NaN).
   */
  allowNonFinite?: boolean;
}

/** Checks a loader's options (`extraKeys`: the loader's own, such as databaseName); returns allowNonFinite. */
export function checkLoadOptions(fn: string, options: unknown, extraKeys: readonly string[] = []): boolean {
  assertKnownOptions(fn, 'options', options, ['allowNonFinite', ...extraKeys]);
  const { allowNonFinite = false } = (options ?? {}) as LoadModelOptions;
  if (typeof allowNonFinite !== 'boolean')
    throw new ArgumentError(fn, `expected allowNonFinite to be true or false, got ${String(allowNonFinite)}`);
  return allowNonFinite;
}

/**
 * Refuses weights holding NaN or +-Infinity: scans each manifest entry's float32 little-endian
 * bytes and throws at the first non-finite element, naming the weight path, the flat index, its
 * position in the weight's shape and the value.
 *
 * @example assertFiniteWeights('loadModel', topology.weights, bytes);
 * // loadModel: expected finite weights, got NaN in 'dense_1/kernel' at flat index 5 ([2,1] of shape [4,3]) ...
 *
 * In plain words: a knob set to "not a number" means the box is broken; say which knob.
 */
export function assertFiniteWeights(fn: string, manifest: readonly WeightManifestEntry[], bytes: Uint8Array): void {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (const entry of manifest) {
    for (let i = 0; i < entry.byteLength / 4; i++) {
      const value = view.getFloat32(entry.byteOffset + 4 * i, true);
      if (Number.isFinite(value)) continue;
      throw new ArgumentError(
        fn,
        `expected finite weights, got ${value} in '${entry.path}' at flat index ${i} ` +
          `(${describeShape(unravelIndex(i, entry.shape))} of shape ${describeShape(entry.shape)}); ` +
          'pass { allowNonFinite: true } to load them anyway',
      );
    }
  }
}
