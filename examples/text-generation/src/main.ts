// Text generation, the seed's "music generation" scenario on text: a character-level LSTM trained on
// the project's own seed notes (Chinese, data/seed-notes.txt), scored by held-out perplexity against
// unigram and bigram baselines, and sampled with temperature and top-k.
// Usage: pnpm start [--backend wasm|cpu|webgpu] [--epochs 6] [--units 128] [--layers 1] [--window 32]
//                   [--batch 16] [--learning-rate 0.01] [--prompt 神经网络] [--length 120]
//                   [--temperature 0.8] [--top-k 10] [--seed 1] [--plot loss.png]
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { type BackendName, plotHistoryPng, useBackend } from '@baihua/core';
import { perplexityLine, runTextGeneration, sampleLines } from './text-generation.js';

const { values } = parseArgs({
  options: {
    backend: { type: 'string', default: 'wasm' },
    epochs: { type: 'string', default: '6' },
    units: { type: 'string', default: '128' },
    layers: { type: 'string', default: '1' },
    window: { type: 'string', default: '32' },
    batch: { type: 'string', default: '16' },
    'learning-rate': { type: 'string', default: '0.01' },
    prompt: { type: 'string', default: '神经网络' },
    length: { type: 'string', default: '120' },
    temperature: { type: 'string', default: '0.8' },
    'top-k': { type: 'string', default: '10' },
    seed: { type: 'string', default: '1' },
    plot: { type: 'string', default: 'loss.png' },
  },
});
await useBackend(values.backend as BackendName);
const text = readFileSync(new URL('../data/seed-notes.txt', import.meta.url), 'utf8');
const sample = {
  prompt: values.prompt,
  length: Number(values.length),
  temperature: Number(values.temperature),
  topK: Number(values['top-k']),
  seed: Number(values.seed),
};
const started = performance.now();
const seconds = () => ((performance.now() - started) / 1000).toFixed(0);
const result = await runTextGeneration(text, {
  units: Number(values.units),
  layers: Number(values.layers),
  embeddingSize: 32,
  epochs: Number(values.epochs),
  windowLength: Number(values.window),
  batchSize: Number(values.batch),
  learningRate: Number(values['learning-rate']),
  sample,
  onEpoch: (epoch, logs) =>
    console.log(
      `epoch ${epoch + 1}: train loss ${logs.loss?.toFixed(3)} nats, held-out ${logs.valLoss?.toFixed(3)} nats ` +
        `(perplexity ${Math.exp(logs.valLoss ?? Number.NaN).toFixed(2)}), ${seconds()} s`,
    ),
});
console.log(
  `${result.trainCharacters} training and ${result.heldOutCharacters} held-out characters, ` +
    `${result.vocabularySize} ids; add-k chosen on the training span: ` +
    `unigram ${result.addK.unigram}, bigram ${result.addK.bigram}`,
);
console.log(perplexityLine(result));
for (const line of sampleLines(sample, result.sample)) console.log(line);
writeFileSync(values.plot, plotHistoryPng(result.history));
console.log(`loss curve: ${values.plot}; ${seconds()} s on ${values.backend}`);
