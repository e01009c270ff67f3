export { modelFormatName, modelFormatVersion } from './model-format.js';
export type { ModelTopology, SerializedModel, WeightManifestEntry } from './model-format.js';
export { serializeModel } from './serialize-model.js';
export { deserializeModel } from './deserialize-model.js';
export type { SerializedModelInput } from './deserialize-model.js';
export type { LoadModelOptions } from './load-options.js';
export { loadModel, modelFileNames, saveModel } from './node-files.js';
export {
  defaultModelDatabase,
  deleteModelFromIndexedDB,
  listModelsInIndexedDB,
  loadModelFromIndexedDB,
  saveModelToIndexedDB,
} from './indexed-db.js';
export type { IndexedDbOptions, StoredModelInfo } from './indexed-db.js';
export { downloadModel, loadModelFromFiles } from './browser-files.js';
export type { DownloadModelOptions, NamedBlob } from './browser-files.js';
export { readTfjsWeights } from './read-tfjs-weights.js';
export type { ReadTfjsShard } from './read-tfjs-weights.js';
export type {
  TfjsQuantization,
  TfjsWeightSpec,
  TfjsWeightsGroup,
  TfjsWeightsManifest,
} from './tfjs-weights-manifest.js';
export { loadWeightsByName } from './load-weights-by-name.js';
