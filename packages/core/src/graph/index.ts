// Functional graphs: input(), symbolic tensors and Model. Importing it registers the 'Model' layer type.
export { input } from './input.js';
export type { InputOptions } from './input.js';
export { SymbolicTensor } from './symbolic-tensor.js';
export type { GraphNode, SymbolicShape } from './symbolic-tensor.js';
export { Model } from './model.js';
export type { ModelOptions } from './model.js';
export type { ModelGraphConfig, NodeConfig, TensorReference } from './model-config.js';
