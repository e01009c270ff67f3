import { beforeAll, describe } from 'vitest';
import { useBackend } from '../backends/use-backend.js';
import { prepareWebGpu } from '../backends/webgpu-backend.js';
import { reportUnavailable, requiredOnCi } from './required-on-ci.js';
import { selectedBackends } from './selected-backends.js';

/** The backends every suite runs on: cpu and wasm always, webgpu when an adapter exists. */
export const testBackends = ['cpu', 'wasm', 'webgpu'] as const;
export type TestBackend = (typeof testBackends)[number];

/** Options for {@link describeEachBackend}. */
export interface DescribeEachBackendOptions {
  /** Run on these backends only (e.g. a case WebGPU cannot do at all, said in the test). */
  backends?: readonly TestBackend[];
}

let webgpuProbe: Promise<string | undefined> | undefined;

/**
 * Why webgpu cannot run here, or undefined when it can. Probed once per process, without
 * switching backends.
 */
export function webgpuUnavailableReason(): Promise<string | undefined> {
  webgpuProbe ??= prepareWebGpu().then((failure) => (failure ? `${failure.cause}. Fix: ${failure.fix}` : undefined));
  return webgpuProbe;
}

/**
 * True when webgpu must run: on CI (`CI` set) or when `BAIHUA_REQUIRE_WEBGPU=1`. Then an unavailable
 * webgpu fails the suite instead of being skipped, so CI never reports a skipped backend as passed.
 */
export function webgpuRequired(): boolean {
  return requiredOnCi('BAIHUA_REQUIRE_WEBGPU');
}

/**
 * Runs one suite on each backend, as `title [cpu]`, `title [wasm]`, `title [webgpu]`. The backend
 * is selected in a `beforeAll`, so create tensors inside tests, not in the suite body.
 * When webgpu has no adapter the webgpu suite is reported as skipped with the reason, unless
 * webgpu is required (CI), in which case it fails. With `BAIHUA_TEST_BACKENDS` set (e.g. `cpu`, for
 * mutation runs; see {@link selectedBackends}) only the listed backends' suites are defined.
 *
 * @example
 * describeEachBackend('sigmoid', (backend) => {
 *   test('matches PyTorch', async () => { ... });
 * });
 */
export function describeEachBackend(
  title: string,
  suite: (backend: TestBackend) => void,
  options: DescribeEachBackendOptions = {},
): void {
  const selected = selectedBackends(testBackends);
  const backends = (options.backends ?? testBackends).filter((backend) => selected?.includes(backend) ?? true);
  for (const backend of backends) {
    describe(`${title} [${backend}]`, async () => {
      if (backend === 'webgpu') {
        const reason = await webgpuUnavailableReason();
        if (reason !== undefined) {
          reportUnavailable('webgpu', reason, webgpuRequired());
          return;
        }
      }
      beforeAll(async () => {
        await useBackend(backend);
      }, 60_000);
      suite(backend);
    });
  }
}
