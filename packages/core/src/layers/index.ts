// Every built-in layer, registered by type name when this module is evaluated.
export { Layer } from './layer.js';
export type { AddWeightOptions, ApplyOptions, CallContext, LayerConfig, LayerOptions, MaskedOutputs } from './layer.js';
export type { InputMask } from './layer-inputs.js';
export { LayerWeight } from './layer-weight.js';
export { layerFromConfig, registerLayerType, registeredLayerTypes } from './layer-registry.js';
export type { LayerFactory } from './layer-registry.js';
export { Sequential } from './sequential.js';
export type { SequentialOptions } from './sequential.js';
export { Composite } from './composite.js';
export type { CompositeOptions } from './composite.js';
export { Dense } from './dense.js';
export type { DenseOptions } from './dense.js';
export { Dropout } from './dropout.js';
export type { DropoutOptions } from './dropout.js';
export { BatchNorm } from './batch-norm.js';
export type { BatchNormOptions } from './batch-norm.js';
export { LayerNorm } from './layer-norm.js';
export type { LayerNormOptions } from './layer-norm.js';
export { GroupNorm } from './group-norm.js';
export type { GroupNormOptions } from './group-norm.js';
export { Flatten } from './flatten.js';
export { Residual } from './residual.js';
export type { ResidualOptions } from './residual.js';
export { summary } from './summary.js';
// Helpers for packages that define layers (cnn, rnn): the same activation handling and child seeds as core's.
export { childSeed } from './layer-naming.js';
