export { modelFormatName, modelFormatVersion } from './model-format.js';
export type { ModelTopology, SerializedModel, WeightManifestEntry } from './model-format.js';
export { serializeModel } from './serialize-model.js';
export { deserializeModel } from './deserialize-model.js';
export type { SerializedModelInput } from './deserialize-model.js';
export { loadModel, modelFileNames, saveModel } from './node-files.js';
