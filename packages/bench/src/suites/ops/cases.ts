import type { BenchCase, BenchMode } from '../../harness/bench-case.js';
import { conv2dModeCases } from './conv2d-modes.js';
import { conv2dCases } from './conv2d.js';
import { conv3dCases } from './conv3d.js';
import { matMulCases } from './mat-mul.js';
import { mfccCases } from './mfcc.js';
import { oursRecurrentCases } from './ours-recurrent.js';
import { oursSoftmaxCrossEntropyCases } from './ours-softmax-cross-entropy.js';
import { poolingCases } from './pooling.js';
import { recurrentCases } from './recurrent.js';
import { softmaxCrossEntropyCases } from './softmax-cross-entropy.js';

/** Every case of the `ops` suite. Add a case: write `<case>.ts` beside this file and list it here. */
export const opsCaseFactories: Array<(mode: BenchMode) => BenchCase[]> = [
  matMulCases,
  conv2dCases,
  conv2dModeCases,
  poolingCases,
  conv3dCases,
  softmaxCrossEntropyCases,
  oursSoftmaxCrossEntropyCases,
  recurrentCases,
  oursRecurrentCases,
  mfccCases,
];
