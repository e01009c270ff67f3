import { spawnSync } from 'node:child_process';
import { reportUnavailable, requiredOnCi } from '@baihua/core/testing';

/** Why espeak-ng cannot run here (with the fix), or undefined when it can. */
export function espeakMissing(): string | undefined {
  const { error, status } = spawnSync('espeak-ng', ['--version']);
  if (error === undefined && status === 0) return undefined;
  return `${error?.message ?? `espeak-ng --version exited with ${status}`}. Fix: apt-get install espeak-ng`;
}

/** Stands for the espeak-ng tests that cannot run: skipped with the reason locally, failing on CI. */
export function reportMissingEspeak(reason: string): void {
  reportUnavailable('espeak-ng', reason, requiredOnCi('BAIHUA_REQUIRE_ESPEAK'));
}
