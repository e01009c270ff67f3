// Only the cells' own tests: the mutation run of src/cells (stryker.cells.config.mjs). Every other
// rnn test imports the cells, which made a mutant cost 36 s of tests (CONTRIBUTING.md).
import { defineConfig } from 'vitest/config';
import { baihuaTestConfig } from '../../scripts/vitest-shared.js';

const shared = baihuaTestConfig();
export default defineConfig({ ...shared, test: { ...shared.test, include: ['src/cells/*.test.ts'] } });
