import { defineConfig } from 'vitest/config';
import { baihuaTestConfig } from '../../scripts/vitest-shared.js';

export default defineConfig(baihuaTestConfig());
