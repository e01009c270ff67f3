/** The `format` field of every saved model's topology. */
export const modelFormatName = 'baihua-model';
/** The topology format version this code writes and reads. */
export const modelFormatVersion = 1;

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
 */
export interface ModelTopology {
  format: typeof modelFormatName;
  formatVersion: number;
  inputShape: (number | null)[];
  model: { type: string; [key: string]: unknown };
  weights: WeightManifestEntry[];
}

/** A model in memory as two parts: JSON topology and binary weights (what browsers store or download). */
export interface SerializedModel {
  topology: ModelTopology;
  weights: ArrayBuffer;
}
