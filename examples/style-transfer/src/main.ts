// Neural style transfer on real photos: face-api's sample photos (installed with the npm package),
// shrunk to --size px, repainted by Adam on the pixels against random multi-scale shallow features
// (Ustyuzhaninov et al. 2016). Writes the result and a content | style | result PNG.
// Usage: pnpm start [--backend wasm|cpu|webgpu] [--content sample1] [--style sample3] [--size 128]
//   [--steps 200] [--learning-rate 0.02] [--style-weight 20000] [--tv-weight 0.01] [--scales 3,5,7,11]
//   [--filters 32] [--seed 1] [--extractor random|face-net] [--out result.png] [--side-by-side side-by-side.png]
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import * as tf from '@tensorflow/tfjs-core';
import { type BackendName, useBackend } from '@baihua/core';
import { encodePng } from '@baihua/apps/style';
import { lossLines, paintPhoto } from './paint-photo.js';
import type { SamplePhotoName } from './sample-photos.js';
import { sideBySide } from './side-by-side.js';

const { values } = parseArgs({
  options: {
    backend: { type: 'string', default: 'wasm' },
    content: { type: 'string', default: 'sample1' },
    style: { type: 'string', default: 'sample3' },
    size: { type: 'string', default: '128' },
    steps: { type: 'string', default: '200' },
    'learning-rate': { type: 'string', default: '0.02' },
    'style-weight': { type: 'string', default: '20000' },
    'tv-weight': { type: 'string', default: '0.01' },
    scales: { type: 'string', default: '3,5,7,11' },
    filters: { type: 'string', default: '32' },
    seed: { type: 'string', default: '1' },
    extractor: { type: 'string', default: 'random' },
    out: { type: 'string', default: 'result.png' },
    'side-by-side': { type: 'string', default: 'side-by-side.png' },
  },
});

await useBackend(values.backend as BackendName);
const started = performance.now();
const settings = {
  content: values.content as SamplePhotoName,
  style: values.style as SamplePhotoName,
  size: Number(values.size),
  steps: Number(values.steps),
  learningRate: Number(values['learning-rate']),
  styleWeight: Number(values['style-weight']),
  tvWeight: Number(values['tv-weight']),
  scales: values.scales.split(',').map(Number),
  filters: Number(values.filters),
  seed: Number(values.seed),
  extractor: values.extractor as 'random' | 'face-net',
};
console.log(
  `backend: ${tf.getBackend()}; content ${settings.content}.jpg, style ${settings.style}.jpg (face-api's ` +
    `samples), ${settings.size} px, ${settings.steps} Adam steps, ${settings.extractor} features`,
);
const { content, style, result, history } = await paintPhoto({
  ...settings,
  onProgress: (done, total, losses) => {
    if (done % 50 === 0 || done === total)
      console.log(
        `  step ${done}/${total}: style ${losses.style.toPrecision(4)}, content ${losses.content.toPrecision(4)}`,
      );
  },
});
for (const line of lossLines(history)) console.log(line);
writeFileSync(values.out, await encodePng(result));
const row = sideBySide([content, style, result]);
writeFileSync(values['side-by-side'], await encodePng(row));
tf.dispose([content, style, result, row]);
console.log(
  `wrote ${values.out} and ${values['side-by-side']} in ${((performance.now() - started) / 1000).toFixed(1)} s`,
);
