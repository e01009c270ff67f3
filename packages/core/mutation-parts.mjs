// Core's source is too large for one Stryker run on 2 cores, so it is mutated in parts, each with
// its own incremental file and reports (.mutation/<part>-*): `BAIHUA_MUTATION_PART=<part> pnpm
// --filter @baihua/core mutation:part` (see CONTRIBUTING.md). A part may narrow the tests it runs
// (`tests`: vitest include globs, instead of every test file importing the mutated files).

const training = (names) => names.map((name) => `src/training/${name}.ts`);
const layers = (names) => names.map((name) => `src/layers/${name}.ts`);

/** @type {Record<string, { mutate: string[], tests?: string[] }>} */
export const mutationParts = {
  'training-fit': {
    mutate: training([
      'fit',
      'fit-options',
      'fit-sources',
      'fit-data',
      'batch-stream',
      'stream-batches',
      'tensor-batches',
      'batch-source',
      'labelled-data',
      'dataset-labels',
      'class-indices',
      'class-weighting',
      'callbacks',
      'early-stopping',
      'history',
      'progress-reporter',
      'learning-rate-schedules',
    ]),
    // fit.ts is imported by diagnostics, graph and layer tests too (slow 100-call leak loops among
    // them); the training folder's own tests cover the part, so the score is a lower bound.
    tests: ['src/training/*.test.ts'],
  },
  'training-step': {
    mutate: training([
      'train-step',
      'step-computation',
      'step-tensors',
      'evaluate',
      'predict',
      'model-tensors',
      'model-io',
      'output-losses',
      'output-measures',
      'accuracy',
      'epoch-totals',
      'gradient-clipping',
      'non-finite',
      'tape-cleanup',
      'sum-tensors',
    ]),
    // The committed training tests that reach these files, and this part's own gap tests: the
    // `related` set also pulls in graph, diagnostics and plotting suites (minutes a mutant).
    tests: [
      ...[
        'clip-options-in-training',
        'fit-checks',
        'fit-leaks',
        'fit-stream-errors',
        'fit-stream-memory',
        'fit-streams',
        'fit',
        'gradient-clipping-limits',
        'multi-output',
        'step-tensors',
        'train-step',
        'training-option-keys',
        'weight-decay-limits',
      ].map((name) => `src/training/${name}.test.ts`),
      'src/training/*-step-gaps.test.ts',
    ],
  },
  'layers-base': {
    mutate: layers([
      'layer',
      'layer-registry',
      'layer-weight',
      'layer-naming',
      'parameter-budget',
      'summary',
      'without-gradient',
      'composite',
      'sequential',
      'residual',
      'time-distributed',
    ]),
    // layer.ts is imported by nearly every test of core (30 s a mutant with all of src/layers'
    // tests): the tests of these files only (a lower bound; see CONTRIBUTING.md).
    tests: [
      'src/layers/{layer,layer-naming,layer-output-observer,sequential,composite,residual}.test.ts',
      'src/layers/{time-distributed,layer-base-mutation-gaps,layer-helpers-mutation-gaps}.test.ts',
      'src/layers/containers-mutation-gaps.test.ts',
    ],
  },
  'layers-kinds': {
    mutate: [
      ...layers([
        'dense',
        'batch-norm',
        'layer-norm',
        'group-norm',
        'dropout',
        'embedding',
        'embedding-lookup',
        'flatten',
        'reshape',
        'repeat-vector',
        'masking',
        'merge-masks',
        'add',
        'multiply',
        'elementwise-merge',
        'concatenate',
      ]),
      'src/layers/attention/*.ts',
      '!src/layers/attention/*.test.ts',
    ],
    // The layers' own tests: with `related` every mutant also ran the graph, training and
    // serialisation suites that import these layers (371 tests, ~1 h for the first 138 mutants).
    tests: [
      'src/layers/{dense,batch-norm,layer-norm,group-norm,norm-zero-variance,dropout,flatten,reshape}.test.ts',
      'src/layers/{repeat-vector,masking,elementwise-merge,concatenate,layer-option-keys}.test.ts',
      'src/layers/{embedding,embedding-training,sequence-layers-graph,layer-kinds-*}.test.ts',
      'src/layers/attention/*.test.ts',
    ],
  },
  serialization: {
    mutate: ['src/serialization/*.ts', '!src/serialization/*.test.ts', '!src/serialization/index.ts'],
    // Not the Chromium tests (test/browser): they run the built dist/browser bundle, which mutants
    // never reach, and start a browser for every mutant they cover. Not the layers' round trips
    // either (the score is a lower bound: those would kill more).
    tests: ['src/serialization/*.test.ts', 'src/graph/model-serialization.test.ts'],
  },
  graph: {
    mutate: [
      'src/graph/*.ts',
      '!src/graph/*.test.ts',
      '!src/graph/index.ts',
      'src/layers/layer-inputs.ts',
      'src/layers/shape-probe.ts',
    ],
  },
};
