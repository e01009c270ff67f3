// The StrykerJS settings every package shares (mutation testing; not part of CI). A package's
// stryker.config.mjs calls baihuaStrykerConfig() and may narrow `mutate`. Run from the root with
// `pnpm mutation --filter @baihua/<package>` (see CONTRIBUTING.md). Reports and the incremental
// file go to the package's git-ignored .mutation/ folder.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** @param {{ mutate?: string[] }} [overrides] */
export function baihuaStrykerConfig(overrides = {}) {
  return {
    testRunner: 'vitest',
    // pnpm keeps the runner out of core's own node_modules, where Stryker looks for plugins.
    plugins: [require.resolve('@stryker-mutator/vitest-runner')],
    // `related` (the default): each mutant runs only the test files that import the mutated file.
    vitest: { configFile: 'vitest.config.ts' },
    mutate: overrides.mutate ?? ['src/**/*.ts', '!src/**/*.test.ts', '!src/index.ts', '!src/**/readme-block.ts'],
    coverageAnalysis: 'perTest',
    incremental: true,
    incrementalFile: '.mutation/stryker-incremental.json',
    reporters: ['html', 'json', 'clear-text', 'progress'],
    htmlReporter: { fileName: '.mutation/report.html' },
    jsonReporter: { fileName: '.mutation/report.json' },
    // Two levels below the root, as a package is, so vitest.config.ts's '../../scripts/' still resolves.
    tempDirName: '../../.stryker-tmp',
    // Stryker rewrites tsconfig.json's `extends` for a sandbox two levels below the package; ours is
    // two levels below the root, where '../../tsconfig.base.json' is already right: no rewrite.
    tsconfigFile: 'no-tsconfig-rewrite.json',
    concurrency: 2,
    timeoutMS: 30_000,
    thresholds: { high: 90, low: 75, break: null },
  };
}
