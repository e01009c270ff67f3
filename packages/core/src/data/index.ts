export { Dataset } from './dataset.js';
export type { BatchOptions, ShuffleOptions } from './dataset.js';
export { fromTensors } from './from-tensors.js';
export type { TensorGroup, TensorRow } from './from-tensors.js';
export { fromGenerator } from './from-generator.js';
export type { ElementSource } from './from-generator.js';
