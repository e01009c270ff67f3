// @baihua/core/testing: what every package's tests use. All helpers are async and read tensors
// with `await tensor.data()`, which the webgpu backend needs in Node.
import './gradients/install.js';

export {
  describeEachBackend,
  testBackends,
  webgpuRequired,
  webgpuUnavailableReason,
} from './testing/describe-each-backend.js';
export type { DescribeEachBackendOptions, TestBackend } from './testing/describe-each-backend.js';
export { expectTensorsClose } from './testing/expect-tensors-close.js';
export type { ExpectedValues, Tolerance } from './testing/expect-tensors-close.js';
export { checkGradients } from './testing/check-gradients.js';
export type { CheckGradientsOptions, GradientCheckResult } from './testing/check-gradients.js';
export { expectNoLeakedTensors } from './testing/expect-no-leaked-tensors.js';
export { loadTorchFixture, torchFixtureNames } from './testing/torch-fixture.js';
export type { FixtureTensor, TorchFixtureCase } from './testing/torch-fixture.js';
