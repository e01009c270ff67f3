// Speech recognition on real synthesised speech (issue 17): espeak-ng speaks digit strings and command
// phrases in many voices, variants, speeds and pitches with noise; MFCC + deltas -> 2-layer BLSTM -> CTC
// learns them, and is scored on voices never heard in training; then the same for Mandarin digits (cmn).
// Writes mfcc.png (the 13 MFCCs of one test utterance, C0 at the bottom, each row scaled to its own range) and
// alignment.png (the recogniser's per-step probabilities for it: blank at the bottom, then the words in lexicon order).
// English training uses speed perturbation (--speeds) and SpecAugment masking (--masks time and frequency bands).
// Usage: pnpm start [--backend wasm|cpu|webgpu] [--steps 1000] [--cmn-steps 150] [--utterances 5]
//   [--test-utterances 25] [--speeds 0.9,1,1.1] [--masks 2] [--units 128] [--stack 3] [--batch-size 8]
//   [--learning-rate 0.003] [--beam 8] [--seed 1] [--corpus .corpus]
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { mfcc, wordErrorRate } from '@baihua/apps/speech';
import { type BackendName, useBackend } from '@baihua/core';
import type * as tf from '@tensorflow/tfjs-core';
import { heatmapPng } from './heatmap-png.js';
import { runSpeech, type SpeechRunResult } from './speech-run.js';
import { posteriorRows } from './posterior-rows.js';

const { values } = parseArgs({
  options: {
    backend: { type: 'string', default: 'wasm' },
    steps: { type: 'string', default: '1000' },
    'cmn-steps': { type: 'string', default: '150' },
    utterances: { type: 'string', default: '5' },
    'test-utterances': { type: 'string', default: '25' },
    speeds: { type: 'string', default: '0.9,1,1.1' },
    masks: { type: 'string', default: '2' },
    units: { type: 'string', default: '128' },
    stack: { type: 'string', default: '3' },
    'batch-size': { type: 'string', default: '8' },
    'learning-rate': { type: 'string', default: '0.003' },
    beam: { type: 'string', default: '8' },
    seed: { type: 'string', default: '1' },
    corpus: { type: 'string', default: '.corpus' },
  },
});

await useBackend(values.backend as BackendName);
const shared = {
  directory: values.corpus,
  units: Number(values.units),
  stack: Number(values.stack),
  batchSize: Number(values['batch-size']),
  learningRate: Number(values['learning-rate']),
  beamWidth: Number(values.beam),
  seed: Number(values.seed),
  onStep: (step: number, loss: number) => {
    if (step % 50 === 0) console.log(`  step ${step}: CTC loss ${loss.toFixed(3)}`);
  },
};
// Speakers are voice+variant; the test ones share neither base voice nor variant with training. espeak-ng's
// numbered variants but m3 and f3 (kept for the test), and 15 of its named ones.
const trainingVariants = [
  ...['m1', 'm2', 'm4', 'm5', 'm6', 'm7', 'm8', 'f1', 'f2', 'f4', 'f5'],
  ...['Alex', 'Andy', 'Annie', 'adam', 'aunty', 'belinda', 'benjamin', 'edward', 'linda', 'max', 'paul'],
  ...['quincy', 'rob', 'steph', 'zac'],
];
const variants = (voices: string[], kinds: string[]) => voices.flatMap((v) => kinds.map((k) => `${v}+${k}`));
const english = await runSpeech({
  ...shared,
  language: 'en',
  steps: Number(values.steps),
  utterances: Number(values.utterances),
  testUtterances: Number(values['test-utterances']),
  speeds: values.speeds.split(',').map(Number),
  specAugment: { timeMasks: Number(values.masks), frequencyMasks: Number(values.masks) },
  voices: variants(['en-us', 'en-gb', 'en-gb-x-rp', 'en-029', 'en-gb-x-gbcwmd', 'en-us-nyc'], trainingVariants),
  testVoices: variants(['en-gb-scotland', 'en-gb-x-gbclan'], ['m3', 'f3']),
});
report('', english);
// cmn has one base voice: its "speakers" are the variants (with random speeds and pitches); test variants are unheard.
const mandarin = await runSpeech({
  ...shared,
  language: 'cmn',
  steps: Number(values['cmn-steps']),
  utterances: 10,
  voices: variants(['cmn'], ['m1', 'm2', 'm4', 'm5', 'f1', 'f2', 'f4', 'f5']),
  testVoices: variants(['cmn'], ['m3', 'f3', 'm7']),
});
report(' cmn', mandarin);

const features = mfcc(english.firstTestAudio) as tf.Tensor2D;
const cepstra = await features.array();
features.dispose();
writeFileSync('mfcc.png', heatmapPng(transpose(cepstra).map(standardise), 3, 12));
writeFileSync(
  'alignment.png',
  heatmapPng(transpose(await posteriorRows(english.recognizer, english.firstTestAudio)), 8, 12),
);
console.log(
  `saved mfcc.png and alignment.png for "${english.references[0]}" heard as "${english.hypotheses[0]?.text}"`,
);
const timed = english.hypotheses[0]?.words.map((w) => `${w.word} ${w.start.toFixed(2)}-${w.end.toFixed(2)}s`);
console.log(`  words: ${timed?.join(', ')}`);
english.recognizer.model.dispose();
mandarin.recognizer.model.dispose();

function report(tag: string, run: SpeechRunResult) {
  const sizes = `${run.trainUtterances} training / ${run.testUtterances} test utterances`;
  console.log(`${tag || ' en'}: ${sizes}, trained ${run.trainSeconds.toFixed(0)} s`);
  console.log(`test WER${tag} (unheard voices): ${(100 * run.wer).toFixed(2)}%`);
  console.log(`test CER${tag}: ${(100 * run.cer).toFixed(2)}%`);
  const byVoice = [...new Set(run.testVoices)].map((voice) => {
    const rows = run.testVoices.flatMap((v, i) => (v === voice ? [i] : []));
    const wer = wordErrorRate(
      rows.map((i) => run.references[i] as string),
      rows.map((i) => run.hypotheses[i]?.text ?? ''),
    );
    return `${voice} ${(100 * wer).toFixed(1)}%`;
  });
  console.log(`  WER by test speaker: ${byVoice.join(', ')}`);
  for (let i = 0; i < 3; i++) console.log(`  "${run.references[i]}" -> "${run.hypotheses[i]?.text}"`);
}

function transpose(rows: readonly ArrayLike<number>[]): number[][] {
  const columns = rows[0]?.length ?? 0;
  return Array.from({ length: columns }, (_, c) => rows.map((row) => row[c] as number));
}

/** One coefficient's row scaled to mean 0 and deviation 1, so C0's large range does not wash out the others. */
function standardise(row: number[]): number[] {
  const mean = row.reduce((a, b) => a + b, 0) / row.length;
  const deviation = Math.sqrt(row.reduce((a, b) => a + (b - mean) ** 2, 0) / row.length) || 1;
  return row.map((x) => (x - mean) / deviation);
}
