// Chinese numerals <-> Arabic numbers (0..10^8) with an attention encoder-decoder, both directions:
// numbers drawn log-uniformly over magnitudes, split by number (no test number is trained on),
// trained with teacher forcing, decoded by beam search; prints exact match on the held-out numbers,
// sample translations, and writes the attention matrix of one zh->digits translation as a PNG.
// Usage: pnpm start [--backend wasm|cpu|webgpu] [--train 24576] [--test 2000] [--epochs 3] [--batch-size 64]
//   [--learning-rate 0.02] [--hidden 32] [--embedding 16] [--beam 4] [--seed 1] [--out attention.png]
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { type BackendName, useBackend } from '@baihua/core';
import { attentionMapLegend, attentionMapPng, createNumeralDataset } from '@baihua/apps/translation';
import * as tf from '@tensorflow/tfjs-core';
import { type DirectionResult, type NumeralRunSettings, exactMatchLine, runDirection } from './numeral-translation.js';

const { values } = parseArgs({
  options: {
    backend: { type: 'string', default: 'wasm' },
    train: { type: 'string', default: '24576' },
    test: { type: 'string', default: '2000' },
    epochs: { type: 'string', default: '3' },
    'batch-size': { type: 'string', default: '64' },
    'learning-rate': { type: 'string', default: '0.02' },
    hidden: { type: 'string', default: '32' },
    embedding: { type: 'string', default: '16' },
    beam: { type: 'string', default: '4' },
    seed: { type: 'string', default: '1' },
    out: { type: 'string', default: 'attention.png' },
  },
});

await useBackend(values.backend as BackendName);
const started = performance.now();
const settings: NumeralRunSettings = {
  epochs: Number(values.epochs),
  batchSize: Number(values['batch-size']),
  learningRate: Number(values['learning-rate']),
  hiddenSize: Number(values.hidden),
  embeddingSize: Number(values.embedding),
  beamWidth: Number(values.beam),
  seed: Number(values.seed),
};
const { train, test } = createNumeralDataset({
  trainSize: Number(values.train),
  testSize: Number(values.test),
  seed: settings.seed,
});
console.log(
  `backend: ${tf.getBackend()}; ${train.length} training numbers, ${test.length} held-out numbers (0..10^8); ` +
    `bidirectional LSTM encoder, LSTM decoder with Luong attention, hidden ${settings.hiddenSize}; ` +
    `${settings.epochs} epochs, batch ${settings.batchSize}; beam width ${settings.beamWidth}`,
);
const results: DirectionResult[] = [];
for (const direction of ['zh->digits', 'digits->zh'] as const) {
  const result = await runDirection(direction, train, test, settings, (epoch, loss) =>
    console.log(`${direction} epoch ${epoch + 1}: loss ${loss.toFixed(4)}`),
  );
  results.push(result);
  console.log(
    `${direction}: trained in ${result.trainSeconds.toFixed(0)} s, translated ${test.length} in ` +
      `${result.translateSeconds.toFixed(1)} s`,
  );
}
for (const result of results) console.log(exactMatchLine(result));
for (const result of results) {
  const wrong = result.translations.filter((t, i) => t.text !== result.expected[i]).length;
  console.log(`${result.direction} samples (${wrong} of ${test.length} held-out numbers wrong):`);
  const wrongOnes = result.translations.flatMap((t, i) => (t.text === result.expected[i] ? [] : [i]));
  for (const i of [0, 1, 2, ...wrongOnes.slice(0, 3)]) {
    const t = result.translations[i];
    const mark = t?.text === result.expected[i] ? 'ok' : `WRONG, expected ${result.expected[i]}`;
    console.log(`  ${t?.sourceTokens.join('')} -> ${t?.text} (${mark})`);
  }
  const byDigits = [1, 2, 3, 4, 5, 6, 7, 8].map((k) => {
    const wrongK = wrongOnes.filter((i) => test[i]?.digits.length === k).length;
    return `${k}:${wrongK}/${test.filter((p) => p.digits.length === k).length}`;
  });
  console.log(`  wrong by digit count: ${byDigits.join(' ')}`);
}
const [zhDigits] = results;
const index = Math.max(
  0,
  test.findIndex((pair) => pair.chinese.length >= 8 && pair.chinese.includes('零')),
);
const sample = zhDigits?.translations[index];
if (sample !== undefined) {
  writeFileSync(values.out, attentionMapPng(sample.sourceTokens, sample.tokens, sample.attention));
  console.log(`attention of ${sample.sourceTokens.join('')} -> ${sample.text} written to ${values.out}`);
  console.log(`  ${attentionMapLegend(sample.sourceTokens, sample.tokens)}`);
}
console.log(`total ${((performance.now() - started) / 1000).toFixed(0)} s`);
