// Registers every built-in initialiser by name (side effect) and re-exports them.
export {
  computeFans,
  registerInitializer,
  registeredInitializerNames,
  resolveInitializer,
  shapeSize,
} from './initializer.js';
export type { Initializer, InitializerFactory, InitializerSpec } from './initializer.js';
export { constant, ones, zeros } from './constant-initializers.js';
export { glorotNormal, glorotUniform, heNormal, heUniform, varianceScaling } from './variance-scaling.js';
export type { VarianceScalingOptions } from './variance-scaling.js';
export { orthogonal } from './orthogonal.js';
export { randomUniform } from './random-uniform.js';
export type { RandomUniformOptions } from './random-uniform.js';
