// Which package runs the code blocks of which doc, and how many blocks of each kind each doc holds
// (see scripts/doc-code-blocks.ts for the kinds). The docs test fails when a doc is missing here, or
// when its blocks differ from these counts: add a block to a doc, add it here.
import type { CodeBlockKind } from './doc-code-blocks.js';

/** One doc: its path from the repository root, the package folder its blocks run in, its blocks. */
export interface DocExamplesEntry {
  doc: string;
  /** Package folder (from the root) whose test/doc-examples.test.ts runs the doc's ts/js blocks. */
  runIn?: string;
  blocks: Partial<Record<CodeBlockKind, number>>;
}

export const docExamples: DocExamplesEntry[] = [
  { doc: 'README.md', runIn: 'packages/core', blocks: { shell: 2, run: 1 } },
  { doc: '.changeset/README.md', blocks: {} },
  { doc: 'docs/building-models.md', runIn: 'packages/rnn', blocks: { run: 4 } },
  { doc: 'examples/README.md', blocks: {} },
  { doc: 'examples/adversarial/README.md', blocks: { shell: 1, text: 1 } },
  { doc: 'examples/captioning/README.md', blocks: { shell: 1, text: 1 } },
  { doc: 'examples/cardiac-ef/README.md', blocks: { shell: 1, text: 1 } },
  { doc: 'examples/diagnostics/README.md', blocks: { shell: 1, text: 1 } },
  { doc: 'examples/distillation/README.md', blocks: { shell: 1, text: 1 } },
  { doc: 'examples/explanations/README.md', blocks: { shell: 1, text: 1 } },
  { doc: 'examples/face-verification/README.md', blocks: { shell: 1, text: 1 } },
  { doc: 'examples/forecasting/README.md', blocks: { shell: 1, text: 1 } },
  { doc: 'examples/forecasting/data/README.md', blocks: { shell: 1 } },
  { doc: 'examples/long-memory/README.md', blocks: { shell: 1 } },
  { doc: 'examples/mnist-lenet/README.md', blocks: { shell: 1 } },
  { doc: 'examples/mnist-mlp/README.md', blocks: { shell: 1 } },
  { doc: 'examples/onnx/README.md', blocks: { shell: 1, text: 1 } },
  { doc: 'examples/speech-digits/README.md', blocks: { shell: 1, text: 1 } },
  { doc: 'examples/style-transfer/README.md', blocks: { shell: 1, text: 2 } },
  { doc: 'examples/text-generation/README.md', blocks: { shell: 1, text: 1 } },
  { doc: 'examples/translation/README.md', blocks: { shell: 1, text: 1 } },
  { doc: 'examples/web/README.md', blocks: { shell: 1, text: 1 } },
  { doc: 'packages/activations/README.md', runIn: 'packages/activations', blocks: { run: 3, text: 1 } },
  { doc: 'packages/apps/README.md', runIn: 'packages/apps', blocks: { shell: 1, run: 16, text: 2 } },
  { doc: 'packages/bench/README.md', runIn: 'packages/bench', blocks: { shell: 3, text: 1, run: 2 } },
  { doc: 'packages/cnn/README.md', runIn: 'packages/cnn', blocks: { shell: 1, run: 3 } },
  { doc: 'packages/core/README.md', runIn: 'packages/core', blocks: { shell: 2, run: 9, text: 4, json: 1 } },
  { doc: 'packages/core/docs/layers-and-training.md', runIn: 'packages/core', blocks: { run: 5, browser: 1 } },
  { doc: 'packages/test-fixtures/fixtures/README.md', blocks: {} },
  { doc: 'packages/losses/README.md', runIn: 'packages/losses', blocks: { run: 2 } },
  { doc: 'packages/onnx/README.md', runIn: 'packages/onnx', blocks: { run: 4 } },
  { doc: 'packages/rnn/README.md', runIn: 'packages/rnn', blocks: { shell: 1, run: 8 } },
];
