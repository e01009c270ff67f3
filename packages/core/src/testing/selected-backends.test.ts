import { afterEach, describe, expect, test } from 'vitest';
import { ArgumentError } from '../errors/argument-error.js';
import { selectedBackends } from './selected-backends.js';

describe('BAIHUA_TEST_BACKENDS', () => {
  const saved = process.env.BAIHUA_TEST_BACKENDS;
  afterEach(() => {
    if (saved === undefined) delete process.env.BAIHUA_TEST_BACKENDS;
    else process.env.BAIHUA_TEST_BACKENDS = saved;
  });
  const known = ['cpu', 'wasm', 'webgpu'] as const;

  test('unset or empty: no limit', () => {
    delete process.env.BAIHUA_TEST_BACKENDS;
    expect(selectedBackends(known)).toBeUndefined();
    process.env.BAIHUA_TEST_BACKENDS = ' ';
    expect(selectedBackends(known)).toBeUndefined();
  });

  test('a comma-separated list, spaces allowed', () => {
    process.env.BAIHUA_TEST_BACKENDS = 'cpu, webgpu';
    expect(selectedBackends(known)).toEqual(['cpu', 'webgpu']);
  });

  test('a name that is no test backend throws, naming it', () => {
    process.env.BAIHUA_TEST_BACKENDS = 'cpu,wsam';
    expect(() => selectedBackends(known)).toThrow(ArgumentError);
    expect(() => selectedBackends(known)).toThrow(
      "describeEachBackend: expected BAIHUA_TEST_BACKENDS to list some of cpu, wasm, webgpu, got 'wsam'",
    );
  });
});
