import { defineConfig } from 'vitest/config';
import { baihuaTestConfig } from '../../scripts/vitest-shared.js';

// The end-to-end tests start their own `vite preview` of dist/ (built by the test script first).
export default defineConfig(baihuaTestConfig({ testTimeout: 120_000 }));
