// Image captioning on SYNTHETIC scenes: rendered circles, squares and triangles with captions from
// a grammar ("two small red circles left of a blue square"). A CNN encoder + LSTM decoder with
// attention is trained on scenes that never show the held-out colour-shape pairs (red triangle,
// green square, blue circle) and scored on scenes that always show one of them.
// Usage: pnpm start [--backend wasm|cpu|webgpu] [--train 3072] [--test 200] [--size 32] [--epochs 8]
//   [--batch 32] [--learning-rate 0.01] [--word-dropout 0] [--filters 16,32,32] [--hidden 64] [--beam 3] [--seed 1]
//   [--attention attention.png] [--scenes scenes.png]
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { type BackendName, useBackend } from '@baihua/core';
import { runCaptioning } from './caption-pipeline.js';

const { values } = parseArgs({
  options: {
    backend: { type: 'string', default: 'wasm' },
    train: { type: 'string', default: '3072' },
    test: { type: 'string', default: '200' },
    size: { type: 'string', default: '32' },
    epochs: { type: 'string', default: '8' },
    batch: { type: 'string', default: '32' },
    'learning-rate': { type: 'string', default: '0.01' },
    'word-dropout': { type: 'string', default: '0' },
    filters: { type: 'string', default: '16,32,32' },
    hidden: { type: 'string', default: '64' },
    beam: { type: 'string', default: '3' },
    seed: { type: 'string', default: '1' },
    attention: { type: 'string', default: 'attention.png' },
    scenes: { type: 'string', default: 'scenes.png' },
  },
});

await useBackend(values.backend as BackendName);
const started = performance.now();
const report = await runCaptioning({
  trainScenes: Number(values.train),
  testScenes: Number(values.test),
  size: Number(values.size),
  epochs: Number(values.epochs),
  batchSize: Number(values.batch),
  learningRate: Number(values['learning-rate']),
  wordDropout: Number(values['word-dropout']),
  filters: (values.filters as string).split(',').map(Number),
  hiddenSize: Number(values.hidden),
  beamWidth: Number(values.beam),
  seed: Number(values.seed),
  onEpoch: (epoch, loss, seconds) => console.log(`epoch ${epoch}: loss ${loss.toFixed(3)} (${seconds.toFixed(1)} s)`),
});
console.log(`caption BLEU-4 (held-out scenes): ${(report.bleu[3] as number).toFixed(2)}`);
console.log(`exact match: ${(100 * report.exactMatch).toFixed(2)}%`);
console.log(`BLEU-1..4 (held-out scenes): ${report.bleu.map((b) => b.toFixed(3)).join(' ')}`);
console.log(`held-out colour-shape pairs named right: ${(100 * report.heldOutPairsRight).toFixed(2)}%`);
console.log(
  `new scenes of seen combinations: BLEU-4 ${(report.seenBleu[3] as number).toFixed(2)}, ` +
    `exact match ${(100 * report.seenExactMatch).toFixed(2)}%`,
);
for (const [reference, generated] of report.samples) console.log(`  truth: ${reference}\n  model: ${generated}`);
writeFileSync(values.scenes as string, report.sheetPng);
if (report.attentionPng) {
  writeFileSync(values.attention as string, report.attentionPng);
  console.log(`attention map of "${report.attentionCaption}" -> ${values.attention}`);
}
console.log(
  `backend ${values.backend}, training ${report.trainSeconds.toFixed(0)} s, ` +
    `total ${((performance.now() - started) / 1000).toFixed(0)} s`,
);
