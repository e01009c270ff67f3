// One part of core's source (mutation-parts.mjs), named by BAIHUA_MUTATION_PART:
// `BAIHUA_MUTATION_PART=graph pnpm --filter @baihua/core mutation:part`.
import { baihuaStrykerConfig } from '../../scripts/stryker-shared.mjs';
import { mutationParts } from './mutation-parts.mjs';

const name = process.env.BAIHUA_MUTATION_PART ?? '';
const part = mutationParts[name];
if (part === undefined) {
  throw new Error(
    `stryker.part.config.mjs: expected BAIHUA_MUTATION_PART to be one of ${Object.keys(mutationParts).join(', ')}, ` +
      `got '${name}'`,
  );
}

const shared = baihuaStrykerConfig({ mutate: part.mutate });
export default {
  ...shared,
  // Several parts may run at once on 2 cores: one test process each.
  concurrency: 1,
  vitest: part.tests === undefined ? shared.vitest : { configFile: 'vitest.mutation-part.config.ts', related: false },
  incrementalFile: `.mutation/${name}-incremental.json`,
  htmlReporter: { fileName: `.mutation/${name}-report.html` },
  jsonReporter: { fileName: `.mutation/${name}-report.json` },
};
