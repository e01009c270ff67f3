// Mutation testing of the cells against their own tests only: `pnpm --filter @baihua/rnn
// mutation:cells` (see CONTRIBUTING.md: with every rnn test, Stryker estimated 5 hours).
import { baihuaStrykerConfig } from '../../scripts/stryker-shared.mjs';

const shared = baihuaStrykerConfig({ mutate: ['src/cells/*.ts', '!src/cells/*.test.ts'] });
export default {
  ...shared,
  vitest: { configFile: 'vitest.cells.config.ts', related: false },
  incrementalFile: '.mutation/cells-incremental.json',
  htmlReporter: { fileName: '.mutation/cells-report.html' },
  jsonReporter: { fileName: '.mutation/cells-report.json' },
};
