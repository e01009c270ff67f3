// The tests of a mutation part that narrows them (mutation-parts.mjs `tests`), chosen by
// BAIHUA_MUTATION_PART like stryker.part.config.mjs.
import { defineConfig } from 'vitest/config';
import { baihuaTestConfig } from '../../scripts/vitest-shared.js';
import { mutationParts } from './mutation-parts.mjs';

const shared = baihuaTestConfig();
const tests = mutationParts[process.env.BAIHUA_MUTATION_PART ?? '']?.tests ?? [];
export default defineConfig({ ...shared, test: { ...shared.test, include: tests } });
