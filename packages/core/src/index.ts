// @baihua/core: backends, errors, checks and the contracts the area packages plug into.
// Importing it registers every tfjs-core gradient once (see gradients/register-gradients.ts).
import './gradients/install.js';

export { useBackend } from './backends/use-backend.js';
export type { BackendName, BackendSelection, UseBackendOptions } from './backends/use-backend.js';
export { describeBackends } from './backends/describe-backends.js';
export type { BackendDescription, BackendReport } from './backends/describe-backends.js';
export type { WebGpuAdapterDescription } from './backends/webgpu-backend.js';
export type { WasmBackendOptions } from './backends/wasm-backend.js';
export { defaultWasmThreads } from './backends/wasm-threads.js';

export { BaihuaError } from './errors/baihua-error.js';
export { ShapeError } from './errors/shape-error.js';
export { ArgumentError } from './errors/argument-error.js';
export { BackendUnavailableError } from './errors/backend-unavailable-error.js';
export type { BackendFailure } from './errors/backend-unavailable-error.js';

export {
  assertDtype,
  assertRank,
  assertSameShape,
  assertShape,
  assertTensor,
  describeShape,
  normalizeAxis,
} from './checks/tensor-checks.js';
export {
  assertFiniteNumber,
  assertInRange,
  assertNonNegative,
  assertOneOf,
  assertPositive,
  assertPositiveInteger,
} from './checks/value-checks.js';
export type { RangeBounds } from './checks/value-checks.js';
export { assertKnownOptions } from './checks/option-keys.js';

export {
  getActivation,
  activationNameOf,
  registerActivation,
  registeredActivationNames,
} from './registry/activation-registry.js';
export type { Activation } from './registry/activation-registry.js';
export * from './activations/index.js';
export type { LossFunction } from './registry/loss-contract.js';

export { registerTfjsGradients } from './gradients/register-gradients.js';
export { createRandom } from './random/seeded-random.js';
export type { SeededRandom } from './random/seeded-random.js';

// ---- layers, initialisers, optimisers, training, serialisation, plotting ----
export * from './layers/index.js';
export * from './graph/index.js';
export * from './initializers/index.js';
export * from './optimizers/index.js';
export * from './training/index.js';
export * from './data/index.js';
export * from './serialization/index.js';
export * from './plotting/index.js';
export * from './diagnostics/index.js';
// ---- end of issue 3 block ----
