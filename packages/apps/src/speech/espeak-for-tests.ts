import { spawnSync } from 'node:child_process';
import { test } from 'vitest';

/** Why espeak-ng cannot run here (with the fix), or undefined when it can. */
export function espeakMissing(): string | undefined {
  const { error, status } = spawnSync('espeak-ng', ['--version']);
  if (error === undefined && status === 0) return undefined;
  return `${error?.message ?? `espeak-ng --version exited with ${status}`}. Fix: apt-get install espeak-ng`;
}

/**
 * Stands for the espeak-ng tests that cannot run: skipped with the reason locally, failing on CI (`CI`
 * set) or with BAIHUA_REQUIRE_ESPEAK=1; BAIHUA_REQUIRE_ESPEAK=0 lets CI skip. The rule of core's
 * requiredOnCi/reportUnavailable, which @baihua/core/testing does not export.
 */
export function reportMissingEspeak(reason: string): void {
  const { CI: ci, BAIHUA_REQUIRE_ESPEAK: override } = process.env;
  const required = override === '1' || (ci !== undefined && ci !== '' && ci !== 'false' && override !== '0');
  if (required)
    test('espeak-ng is available (required on CI)', () => {
      throw new Error(`espeak-ng is required here but unavailable: ${reason}`);
    });
  else test.skip(`espeak-ng unavailable: ${reason}`, () => {});
}
