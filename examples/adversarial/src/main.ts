// Adversarial attacks and defences on the MNIST LeNet-5 (examples/mnist-models), on the wasm backend.
// Usage: pnpm start [--backend wasm|cpu|webgpu] [--digits 500] [--one-pixel-digits 10] [--pgd-steps 20]
//                   [--smoothing-digits 500] [--samples 1000] [--epochs 3] [--out-dir .]
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import * as tf from '@tensorflow/tfjs-core';
import { type BackendName, useBackend } from '@baihua/core';
import { certifiedAccuracy, certify } from '@baihua/apps/adversarial';
import { loadOrTrainMnistClassifier } from '@baihua/example-mnist-models';
import { attackPicture } from './attack-picture.js';
import { loadOrTrainDefended } from './defended-models.js';
import { pictureRows, pictureTitles } from './picture-rows.js';
import { attackModel, defaultAttackSettings, reportLines } from './run-attacks.js';

const { values } = parseArgs({
  options: {
    backend: { type: 'string', default: 'wasm' },
    digits: { type: 'string', default: '500' },
    'one-pixel-digits': { type: 'string', default: String(defaultAttackSettings.onePixelDigits) },
    'pgd-steps': { type: 'string', default: String(defaultAttackSettings.pgdIterations) },
    'smoothing-digits': { type: 'string', default: '500' },
    samples: { type: 'string', default: '1000' },
    epochs: { type: 'string', default: '3' },
    'out-dir': { type: 'string', default: '.' },
  },
});
const count = (name: keyof typeof values, max = Number.POSITIVE_INFINITY) => {
  const value = Number(values[name]);
  if (!Number.isInteger(value) || value < 1 || value > max)
    throw new Error(`--${name}: expected an integer in [1, ${max}], got ${values[name]}`);
  return value;
};
const digits = count('digits', 2000);
const settings = {
  ...defaultAttackSettings,
  onePixelDigits: count('one-pixel-digits', digits),
  pgdIterations: count('pgd-steps'),
};
const smoothingDigits = count('smoothing-digits', digits);
const samples = count('samples');
const epochs = count('epochs');
const { epsilon } = settings;
const sigma = 0.25;
const seconds = (since: number) => `${((performance.now() - since) / 1000).toFixed(1)} s`;

await useBackend(values.backend as BackendName);
const started = performance.now();
const plain = await loadOrTrainMnistClassifier({ kind: 'lenet' });
const defended = await loadOrTrainDefended('adversarial', { plainDirectory: plain.directory, epochs, epsilon });
const noisy = await loadOrTrainDefended('noise', { plainDirectory: plain.directory, epochs, sigma });
const origin = (copy: { fromCache: boolean; seconds: number }) =>
  copy.fromCache ? 'from the cache' : `trained now (${copy.seconds.toFixed(0)} s)`;
console.log(
  `backend: ${tf.getBackend()}; LeNet-5 ${plain.fromCache ? 'from the cache' : 'trained now'}; ` +
    `adversarially trained copy ${origin(defended)}; noise-trained copy ${origin(noisy)}; ${digits} test digits`,
);
const { x, y } = plain.testTensors(digits);
const labelTensor = tf.argMax(y, 1);
const labels = Array.from(await labelTensor.data());
tf.dispose([y, labelTensor]);
try {
  const keep = Math.min(6, settings.onePixelDigits);
  const log = (line: string) => console.log(`  (${line})`);
  console.log(`plain LeNet-5:`);
  const attackedPlain = await attackModel(plain.model, x, labels, settings, keep, log);
  for (const line of reportLines(attackedPlain, epsilon)) console.log(line);
  console.log(`adversarially trained LeNet-5 (PGD eps=${epsilon}, half of every batch, ${epochs} epochs):`);
  const attackedTrained = await attackModel(defended.model, x, labels, settings, keep, log);
  for (const line of reportLines(attackedTrained, epsilon)) console.log(line);
  const gain = attackedTrained.pgd.robustAccuracy - attackedPlain.pgd.robustAccuracy;
  console.log(`PGD eps=${epsilon} robust accuracy gain from adversarial training: ${(100 * gain).toFixed(2)} points`);
  const smoothing = performance.now();
  const subset = tf.slice(x, 0, smoothingDigits);
  const certified = await certify(noisy.model, subset, { sigma, samples, selectionSamples: 100, alpha: 0.001 });
  subset.dispose();
  const accuracy = certifiedAccuracy(certified, labels.slice(0, smoothingDigits), 0.5);
  const of = smoothingDigits === digits ? '' : ` (on the first ${smoothingDigits} digits)`;
  console.log(`smoothing sigma=${sigma} certified accuracy at radius 0.5: ${(100 * accuracy).toFixed(2)}%${of}`);
  const atZero = certifiedAccuracy(certified, labels.slice(0, smoothingDigits), 0);
  console.log(
    `  (noise-trained base classifier, n0=100, n=${samples}, alpha=0.001; ` +
      `certified accuracy at radius 0: ${(100 * atZero).toFixed(2)}%; ${seconds(smoothing)})`,
  );
  const side = 32;
  const originals = (await x.data()) as Float32Array;
  const shown = Array.from({ length: keep }, (_, i) => originals.slice(i * side * side, (i + 1) * side * side));
  const rows = pictureRows(shown, labels, attackedPlain, attackedTrained, epsilon);
  const picture = join(values['out-dir'] as string, 'adversarial-digits.png');
  writeFileSync(picture, attackPicture(pictureTitles(settings.pixelCounts.at(-1) ?? 1), rows, side));
  console.log(`picture: ${picture}; total ${seconds(started)}`);
} finally {
  tf.dispose(x);
  for (const model of [plain.model, defended.model, noisy.model]) model.dispose();
}
