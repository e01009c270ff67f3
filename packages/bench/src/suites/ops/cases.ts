import type { BenchCase, BenchMode } from '../../harness/bench-case.js';
import { anchorMatMulCases } from './anchor-mat-mul.js';
import { anchorRecurrentCases } from './anchor-recurrent.js';
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
import { wasmThreadsMatMulCases } from './wasm-threads-mat-mul.js';

/** Every case of the `ops` suite. Add a case: write `<case>.ts` beside this file and list it here. */
export const opsCaseFactories: Array<(mode: BenchMode) => BenchCase[]> = [
  // First: its rows switch wasm to 1 thread and back to the default count, which useBackend refuses
  // while tensors live on wasm, and stock cases that throw (no conv backprop on wasm) leave some behind.
  wasmThreadsMatMulCases,
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
  anchorMatMulCases,
  anchorRecurrentCases,
];
