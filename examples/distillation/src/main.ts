// Knowledge distillation on real MNIST digits: LeNet-5 (trained on 8,000 digits, cached) teaches a
// 4,978-parameter MLP that sees only the first 1,000 of those digits; the same MLP trained on the labels
// alone, from the same initial weights for the same epochs, is the baseline. Means over --seeds.
// Usage: pnpm start [--backend wasm|cpu|webgpu] [--labelled 1000] [--epochs 150] [--batch-size 32]
//   [--temperature 2] [--alpha 0.5] [--hidden 24] [--learning-rate 3e-3] [--seeds 1,2,3,4,5,6]
//   [--latency cpu,wasm,webgpu] [--out accuracy.png]
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import * as tf from '@tensorflow/tfjs-core';
import { lineChartPng, useBackend, type BackendName } from '@baihua/core';
import { distillationReport, formatDistillationReport } from '@baihua/apps/distill';
import { loadDigits, toTensors } from '@baihua/example-mnist-data';
import { loadOrTrainMnistClassifier } from '@baihua/example-mnist-models';
import { compareStudents } from './compare-students.js';

const { values } = parseArgs({
  options: {
    backend: { type: 'string', default: 'wasm' },
    labelled: { type: 'string', default: '1000' },
    epochs: { type: 'string', default: '150' },
    'batch-size': { type: 'string', default: '32' },
    temperature: { type: 'string', default: '2' },
    alpha: { type: 'string', default: '0.5' },
    hidden: { type: 'string', default: '24' },
    'learning-rate': { type: 'string', default: '3e-3' },
    seeds: { type: 'string', default: '1,2,3,4,5,6' },
    latency: { type: 'string', default: 'cpu,wasm,webgpu' },
    out: { type: 'string', default: 'accuracy.png' },
  },
});
const labelled = Number(values.labelled);
if (!Number.isInteger(labelled) || labelled < 10 || labelled > 8000)
  throw new Error(`--labelled: expected an integer in [10, 8000], got ${values.labelled}`);
const seeds = values.seeds.split(',').map(Number);
const settings = {
  epochs: Number(values.epochs),
  batchSize: Number(values['batch-size']),
  temperature: Number(values.temperature),
  alpha: Number(values.alpha),
  hidden: Number(values.hidden),
  learningRate: Number(values['learning-rate']),
};

await useBackend(values.backend as BackendName);
const started = performance.now();
const teacher = await loadOrTrainMnistClassifier({ kind: 'lenet', progress: 'lines' });
const how = teacher.fromCache
  ? 'loaded from'
  : `trained in ${((performance.now() - started) / 1000).toFixed(0)} s, saved to`;
console.log(`backend: ${tf.getBackend()}; LeNet-5 ${how} ${teacher.directory}`);
const split = loadDigits({ train: 8000, test: 2000, seed: 2026 });
const all = toTensors(split.train, 'flat');
const train = { x: tf.slice(all.x, 0, labelled), y: tf.slice(all.y, 0, labelled) };
const test = toTensors(split.test, 'flat');
tf.dispose([all.x, all.y]);
console.log(
  `students: ${labelled} labelled digits, ${settings.epochs} epochs, batch ${settings.batchSize}, ` +
    `alpha ${settings.alpha}, seeds ${seeds.join(', ')}`,
);

const results: Awaited<ReturnType<typeof compareStudents>>[] = [];
for (const seed of seeds) {
  const t = performance.now();
  const result = await compareStudents({ teacher: teacher.model, train, test, seed, ...settings });
  const seconds = ((performance.now() - t) / 1000).toFixed(1);
  const [alone, distilled] = [result.aloneAccuracy, result.distilledAccuracy].map((a) => (100 * a).toFixed(2));
  console.log(`seed ${seed}: student alone ${alone}%, distilled ${distilled}% (${seconds} s)`);
  results.push(result);
}
const mean = (pick: (r: (typeof results)[number]) => number) =>
  ((100 * results.reduce((sum, r) => sum + pick(r), 0)) / results.length).toFixed(2);
const first = results[0] as (typeof results)[number];
const over = seeds.length > 1 ? ` (mean of ${seeds.length} seeds)` : '';
console.log(`teacher: ${teacher.model.countParams()} params, ${(100 * teacher.accuracy).toFixed(2)}%`);
console.log(`student alone: ${first.alone.countParams()} params, ${mean((r) => r.aloneAccuracy)}%${over}`);
console.log(`student distilled (T=${settings.temperature}): ${mean((r) => r.distilledAccuracy)}%${over}`);
const gains = results.map((r) => 100 * (r.distilledAccuracy - r.aloneAccuracy));
const gain = gains.reduce((a, b) => a + b, 0) / gains.length;
const spread = Math.sqrt(gains.reduce((sum, g) => sum + (g - gain) ** 2, 0) / Math.max(1, gains.length - 1));
const better = gains.filter((g) => g > 0).length;
console.log(
  `distilled - alone: ${gain >= 0 ? '+' : ''}${gain.toFixed(2)} points (standard error ` +
    `${(spread / Math.sqrt(gains.length)).toFixed(2)}; better on ${better} of ${gains.length} seeds)`,
);

const lenetTest = teacher.testTensors();
const report = await distillationReport(
  [
    { name: 'teacher LeNet-5', model: teacher.model, test: lenetTest },
    { name: `student (seed ${seeds[0]}, distilled)`, model: first.distilled, test },
  ],
  { backends: values.latency.split(','), batchSize: 64, warmup: 2, repeats: 5 },
);
console.log(formatDistillationReport(report));
// From epoch 10 on, where the two curves part (before it both climb from ~50% together).
const from = Math.min(10, settings.epochs);
const curve = (name: string, values: number[]) => ({
  name,
  values: values.slice(from - 1).map((v) => 100 * v),
  x: values.slice(from - 1).map((_, i) => from + i),
});
const curves = [curve('student alone', first.aloneCurve), curve('student distilled', first.distilledCurve)];
const png = lineChartPng(curves, {
  title: `Test accuracy of the ${first.alone.countParams()}-param MLP (seed ${seeds[0]}, T=${settings.temperature})`,
  xLabel: 'epoch',
  yLabel: 'test accuracy (%)',
});
writeFileSync(values.out, png);
console.log(`picture: ${values.out}`);
tf.dispose([train.x, train.y, test.x, test.y, lenetTest.x, lenetTest.y]);
for (const r of results) for (const model of [r.alone, r.distilled]) model.dispose();
teacher.model.dispose();
