import { ArgumentError } from '../errors/argument-error.js';

/**
 * The backends a test run is limited to by the environment variable `BAIHUA_TEST_BACKENDS`
 * (comma-separated, e.g. `cpu` or `cpu,wasm`), or undefined when it is unset or empty (every
 * backend runs). Meant for mutation testing, which reruns the suites hundreds of times and fits
 * two cores only on cpu; a name that is not a test backend throws, so a typo cannot silently run
 * nothing.
 *
 * @example
 * // BAIHUA_TEST_BACKENDS=cpu pnpm --filter @baihua/losses test
 * selectedBackends(['cpu', 'wasm', 'webgpu']); // ['cpu']
 *
 * In plain words: lets a slow, repetitive run test on one backend instead of three.
 */
export function selectedBackends<T extends string>(known: readonly T[]): readonly T[] | undefined {
  const value = typeof process !== 'undefined' ? process.env.BAIHUA_TEST_BACKENDS : undefined;
  if (value === undefined || value.trim() === '') return undefined;
  const names = value.split(',').map((name) => name.trim());
  for (const name of names) {
    if (!(known as readonly string[]).includes(name)) {
      throw new ArgumentError(
        'describeEachBackend',
        `expected BAIHUA_TEST_BACKENDS to list some of ${known.join(', ')}, got '${name}'`,
      );
    }
  }
  return names as T[];
}
