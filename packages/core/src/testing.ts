// @baihua/core/testing: what every package's tests use. All helpers are async and read tensors
// with `await tensor.data()`, which the webgpu backend needs in Node. No test data ships here: the
// workspace's PyTorch reference data lives in the private @baihua/test-fixtures package.
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
export { reportUnavailable, requiredOnCi } from './testing/required-on-ci.js';
export { chromiumLaunchArgs } from './testing/chromium-launch-args.js';
