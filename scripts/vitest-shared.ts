// The vitest settings every package shares. Each run also writes test-results/vitest.json,
// which scripts/test-all.mjs sums into the final "Tests: N passed, N failed, N skipped" line.
import type { ViteUserConfig } from 'vitest/config';

export function baihuaTestConfig(overrides: { testTimeout?: number } = {}): ViteUserConfig {
  return {
    test: {
      include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
      // Processes, not threads: Dawn (WebGPU) and the wasm backend hold native state per process.
      pool: 'forks',
      testTimeout: overrides.testTimeout ?? 60_000,
      hookTimeout: 120_000,
      reporters: ['default', ['json', { outputFile: 'test-results/vitest.json' }]],
    },
  };
}
