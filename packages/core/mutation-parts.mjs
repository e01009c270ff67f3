// Core's source is too large for one Stryker run on 2 cores, so it is mutated in parts, each with
// its own incremental file and reports (.mutation/<part>-*): `BAIHUA_MUTATION_PART=<part> pnpm
// --filter @baihua/core mutation:part` (see CONTRIBUTING.md). A part may narrow the tests it runs
// (`tests`: vitest include globs, instead of every test file importing the mutated files).

const training = (names) => names.map((name) => `src/training/${name}.ts`);
const layers = (names) => names.map((name) => `src/layers/${name}.ts`);
const trainingTests = (names) => names.map((name) => `src/training/${name}.test.ts`);

// The committed training tests that reach both training parts' files.
const committedTrainingTests = [
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
];

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
    // them); the training folder's own fit tests cover the part, so the score is a lower bound. Named
    // one by one: a glob would also take the training-step part's unfinished test files.
    tests: trainingTests([
      ...committedTrainingTests,
      'learning-rate-schedule-boundaries',
      'learning-rate-schedules',
      'progress-reporter',
      // added for this part's survivors
      'history',
      'early-stopping',
      'class-weighting',
      'class-indices',
      'progress-reporter-formats',
      'fit-option-checks',
      'batch-sources',
      'fit-data-split',
      'learning-rate-schedule-options',
      'fit-loop',
      'fit-sources-outputs',
      'class-weights-per-row',
      'fit-part-gaps',
    ]),
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
    tests: [...trainingTests(committedTrainingTests), 'src/training/*-step-gaps.test.ts'],
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
      'src/layers/{containers,layer-build}-mutation-gaps.test.ts',
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
    // The tests the default related set ran in the first graph run (listed, so that test files
    // being written meanwhile stay out), without the Chromium tests (they run the built bundle).
    tests: [
      'src/graph/*.test.ts',
      'src/backends/use-backend.test.ts',
      'src/diagnostics/charts/charts-from-recorded-run.test.ts',
      'src/diagnostics/charts/index.test.ts',
      'src/diagnostics/diagnose-runs.test.ts',
      'src/diagnostics/training-diagnostics-errors.test.ts',
      'src/diagnostics/training-diagnostics-record.test.ts',
      'src/diagnostics/training-diagnostics.test.ts',
      'src/initializers/initializers.test.ts',
      'src/layers/attention/additive-attention.test.ts',
      'src/layers/attention/attention-errors.test.ts',
      'src/layers/attention/attention-fixtures.test.ts',
      'src/layers/attention/attention-in-model.test.ts',
      'src/layers/attention/attention.test.ts',
      'src/layers/batch-norm.test.ts',
      'src/layers/composite.test.ts',
      'src/layers/concatenate.test.ts',
      'src/layers/dense.test.ts',
      'src/layers/dropout.test.ts',
      'src/layers/elementwise-merge.test.ts',
      'src/layers/embedding-training.test.ts',
      'src/layers/embedding.test.ts',
      'src/layers/flatten.test.ts',
      'src/layers/frozen-containers.test.ts',
      'src/layers/group-norm.test.ts',
      'src/layers/layer-inputs.test.ts',
      'src/layers/layer-naming.test.ts',
      'src/layers/layer-norm.test.ts',
      'src/layers/layer-option-keys.test.ts',
      'src/layers/layer-output-observer.test.ts',
      'src/layers/layer.test.ts',
      'src/layers/masking.test.ts',
      'src/layers/norm-zero-variance.test.ts',
      'src/layers/repeat-vector.test.ts',
      'src/layers/reshape.test.ts',
      'src/layers/residual.test.ts',
      'src/layers/sequence-layers-graph.test.ts',
      'src/layers/sequential.test.ts',
      'src/layers/time-distributed.test.ts',
      'src/plotting/png-encoder.test.ts',
      'src/serialization/non-finite-weights.test.ts',
      'src/serialization/serialization-option-keys.test.ts',
      'src/serialization/serialization.test.ts',
      'src/training/clip-options-in-training.test.ts',
      'src/training/fit-checks.test.ts',
      'src/training/fit-leaks.test.ts',
      'src/training/fit-stream-errors.test.ts',
      'src/training/fit-stream-memory.test.ts',
      'src/training/fit-streams.test.ts',
      'src/training/fit.test.ts',
      'src/training/learning-rate-schedule-boundaries.test.ts',
      'src/training/multi-output.test.ts',
      'src/training/step-tensors.test.ts',
      'src/training/train-step.test.ts',
      'src/training/training-option-keys.test.ts',
      'src/training/weight-decay-limits.test.ts',
      'test/activations-core-only.test.ts',
    ],
  },
};
