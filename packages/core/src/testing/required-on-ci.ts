import { test } from 'vitest';

/**
 * True when an optional test environment (webgpu, a browser) must run: on CI (`CI` set and not
 * 'false') unless `overrideVariable` is '0', or anywhere when it is '1'.
 *
 * @example
 * requiredOnCi('BAIHUA_REQUIRE_WEBGPU');
 *
 * In plain words: on CI nothing may quietly sit out.
 */
export function requiredOnCi(overrideVariable: string): boolean {
  const env = typeof process !== 'undefined' ? process.env : {};
  const onCi = env.CI !== undefined && env.CI !== '' && env.CI !== 'false';
  return env[overrideVariable] === '1' || (onCi && env[overrideVariable] !== '0');
}

/**
 * Registers the one test that stands for a suite which cannot run here: a failing test when the
 * environment is required (CI), otherwise a skipped one whose title carries the reason.
 *
 * @example
 * if (reason) reportUnavailable('webgpu', reason, requiredOnCi('BAIHUA_REQUIRE_WEBGPU'));
 *
 * In plain words: say out loud what did not run and why, and fail if it had to.
 */
export function reportUnavailable(what: string, reason: string, required: boolean): void {
  if (required) {
    test(`${what} is available (required on CI)`, () => {
      throw new Error(`${what} is required here but unavailable: ${reason}`);
    });
  } else {
    test.skip(`${what} unavailable: ${reason}`, () => {});
  }
}
