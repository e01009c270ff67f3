import type { BenchSuite, SuiteName } from '../harness/bench-case.js';
import { modelsCaseFactories } from './models/cases.js';
import { opsCaseFactories } from './ops/cases.js';
import { seedCaseFactories } from './seed/cases.js';

/** The suites, in run order. Each suite's case list lives in `suites/<suite>/cases.ts`. */
export const benchSuites: BenchSuite[] = [
  {
    name: 'ops',
    description: 'single ops: matMul, conv2d, pooling, softmax cross-entropy, LSTM/GRU sequences, MFCC',
    cases: (mode) => opsCaseFactories.flatMap((make) => make(mode)),
  },
  {
    name: 'models',
    description: 'one training step of the MNIST MLP, LeNet-5 and an LSTM classifier',
    cases: (mode) => modelsCaseFactories.flatMap((make) => make(mode)),
  },
  {
    name: 'seed',
    description:
      "the seed's claims measured: recurrent variants' parameter counts and speed, " +
      'gradient retention through 10 layers per activation',
    cases: (mode) => seedCaseFactories.flatMap((make) => make(mode)),
  },
];

/** The suite names, for the CLI. */
export const suiteNames: SuiteName[] = benchSuites.map((suite) => suite.name);
