/** The `format` field of every saved model's topology. */
export const modelFormatName = 'baihua-model';
/** The topology format version this code writes and reads. */
export const modelFormatVersion = 2;
/** The version a model with one input of fixed size is written with (readable by every release). */
export const singleInputFormatVersion = 1;

/** One weight's entry in the topology: where its float32 little-endian bytes are in the weights buffer. */
export interface WeightManifestEntry {
  /** `layerName/weightName`, in `model.weights()` order. */
  path: string;
  shape: number[];
  dtype: 'float32';
  byteOffset: number;
  byteLength: number;
}

/**
 * A saved model's description (the `model.json` file): format name and version, the input shape
 * it was built for (batch as null), the root layer's config (nested configs for containers) and
 * the weight manifest. The values live in a separate binary buffer (`weights.bin`).
 * Version 1 has `inputShape`; version 2 (a graph Model with several inputs or free sizes) has
 * `inputShapes` instead, one per input, null marking a free size.
 */
export interface ModelTopology {
  format: typeof modelFormatName;
  formatVersion: number;
  /** Version 1: the one input's shape. */
  inputShape?: (number | null)[];
  /** Version 2: every input's shape, batch and free sizes null. */
  inputShapes?: (number | null)[][];
  model: { type: string; [key: string]: unknown };
  weights: WeightManifestEntry[];
}

/** A model in memory as two parts: JSON topology and binary weights (what browsers store or download). */
export interface SerializedModel {
  topology: ModelTopology;
  weights: ArrayBuffer;
}
