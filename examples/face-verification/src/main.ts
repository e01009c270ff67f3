// FaceNet-style open-set verification without a face data set: every CJK ideograph is an identity,
// rendered from Debian's CJK fonts with small affine changes (@baihua/apps/face glyphIdentitySet).
// A small CNN embedding (conv/BN/ReLU stages -> global average pool -> Dense) is trained with a
// triplet loss on P x K batches of the training identities, once per mining strategy (same seed,
// same steps), and verified on pairs of identities it never saw. Then the pretrained face net's
// parity with face-api's own descriptors on its sample photos.
// Usage: pnpm start [--backend wasm|cpu|webgpu] [--train-identities 400] [--test-identities 100]
//   [--samples 8] [--steps 100] [--identities-per-batch 16] [--samples-per-identity 4]
//   [--learning-rate 0.003] [--filters 16,32,64] [--minings random,batch-hard,semi-hard] [--seed 1]
//   [--roc roc.svg,roc.png] [--sheet glyphs.png] [--no-parity]
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { cjkFontFiles, glyphSheetPng, rocCurvePng, rocCurveSvg, type TripletMining } from '@baihua/apps/face';
import { type BackendName, useBackend } from '@baihua/core';
import * as tf from '@tensorflow/tfjs-core';
import { descriptorParity, parityLine } from './descriptor-parity.js';
import { bestMining, miningTable } from './mining-table.js';
import { verifyGlyphs } from './verify-glyphs.js';

const { values } = parseArgs({
  options: {
    backend: { type: 'string', default: 'wasm' },
    'train-identities': { type: 'string', default: '400' },
    'test-identities': { type: 'string', default: '100' },
    samples: { type: 'string', default: '8' },
    steps: { type: 'string', default: '100' },
    'identities-per-batch': { type: 'string', default: '16' },
    'samples-per-identity': { type: 'string', default: '4' },
    'learning-rate': { type: 'string', default: '0.003' },
    filters: { type: 'string', default: '16,32,64' },
    minings: { type: 'string', default: 'random,batch-hard,semi-hard' },
    seed: { type: 'string', default: '1' },
    roc: { type: 'string', default: 'roc.svg,roc.png' },
    sheet: { type: 'string', default: 'glyphs.png' },
    'no-parity': { type: 'boolean', default: false },
  },
});

await useBackend(values.backend as BackendName);
const started = performance.now();
const fonts = cjkFontFiles();
const settings = {
  fonts,
  trainIdentities: Number(values['train-identities']),
  testIdentities: Number(values['test-identities']),
  samplesPerIdentity: Number(values.samples),
  minings: values.minings.split(',') as TripletMining[],
  steps: Number(values.steps),
  identitiesPerBatch: Number(values['identities-per-batch']),
  samplesPerBatchIdentity: Number(values['samples-per-identity']),
  learningRate: Number(values['learning-rate']),
  net: { filters: values.filters.split(',').map(Number) },
  seed: Number(values.seed),
};
console.log(
  `backend: ${tf.getBackend()}; ${settings.trainIdentities} training + ${settings.testIdentities} unseen test ` +
    `characters x ${settings.samplesPerIdentity} samples from ${fonts.length} font files; ${settings.steps} Adam ` +
    `steps of P x K = ${settings.identitiesPerBatch} x ${settings.samplesPerBatchIdentity} per mining`,
);
const run = await verifyGlyphs({
  ...settings,
  onProgress: (mining, step, steps, loss) => {
    if (step % 50 === 0 || step === steps) console.log(`  ${mining} step ${step}/${steps}: loss ${loss.toFixed(4)}`);
  },
});
try {
  if (values.sheet) writeFileSync(values.sheet, await glyphSheetPng(run.set, { identities: 8, samples: 8 }));
} finally {
  run.set.dispose();
}
const best = bestMining(run.results);
const { report } = run.results[best] ?? {};
if (!report) throw new Error('no mining was run');
console.log(`untrained net: AUC ${run.untrained.auc.toFixed(4)}; headline figures: ${best} mining (best AUC below)`);
console.log(`verification AUC (unseen identities): ${report.auc.toFixed(4)}`);
console.log(`accuracy at best threshold (10-fold): ${(100 * report.accuracy).toFixed(2)}%`);
console.log(`TAR at FAR=1e-3: ${(100 * report.tarAtFar).toFixed(2)}%`);
if (!values['no-parity']) console.log(parityLine(await descriptorParity()));
console.log(miningTable(run.results, settings.steps));
const curves = Object.fromEntries(Object.entries(run.results).map(([mining, r]) => [mining, r.report]));
for (const file of values.roc.split(',').filter(Boolean)) {
  const options = { title: 'Unseen CJK glyph identities: ROC by mining', logFar: true };
  writeFileSync(file, file.endsWith('.png') ? rocCurvePng(curves, options) : rocCurveSvg(curves, options));
}
console.log(
  `total ${((performance.now() - started) / 1000).toFixed(0)} s; wrote ${[values.roc, values.sheet].join(',')}`,
);
