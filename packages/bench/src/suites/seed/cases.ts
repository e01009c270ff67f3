import type { BenchCase, BenchMode } from '../../harness/bench-case.js';
import { gradientRetentionCases } from './gradient-retention.js';
import { oursRecurrentVariantCases } from './ours-recurrent-variants.js';
import { recurrentVariantCases } from './recurrent-variants.js';

/** Every case of the `seed` suite. Add a case: write `<case>.ts` beside this file and list it here. */
export const seedCaseFactories: Array<(mode: BenchMode) => BenchCase[]> = [
  recurrentVariantCases,
  oursRecurrentVariantCases,
  gradientRetentionCases,
];
