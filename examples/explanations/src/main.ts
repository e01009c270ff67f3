// Explanations of the MNIST LeNet-5 (examples/mnist-models) on 200 held-out digits, on the wasm backend.
// Usage: pnpm start [--backend wasm|cpu|webgpu] [--digits 200] [--lime-samples 1000] [--shap-samples 1000]
//                   [--patch 4] [--ig-steps 64] [--out-dir .]
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import * as tf from '@tensorflow/tfjs-core';
import { lineChartPng, useBackend, type BackendName } from '@baihua/core';
import { loadOrTrainMnistClassifier } from '@baihua/example-mnist-models';
import { defaultSettings, methodNames, reportLines, runExplanations } from './run-explanations.js';

const { values } = parseArgs({
  options: {
    backend: { type: 'string', default: 'wasm' },
    digits: { type: 'string', default: '200' },
    'lime-samples': { type: 'string', default: String(defaultSettings.limeSamples) },
    'shap-samples': { type: 'string', default: String(defaultSettings.shapSamples) },
    patch: { type: 'string', default: String(defaultSettings.patchSize) },
    'ig-steps': { type: 'string', default: String(defaultSettings.igSteps) },
    'out-dir': { type: 'string', default: '.' },
  },
});
const count = (name: keyof typeof values, max = Infinity) => {
  const value = Number(values[name]);
  if (!Number.isInteger(value) || value < 1 || value > max)
    throw new Error(`--${name}: expected an integer in [1, ${max}], got ${values[name]}`);
  return value;
};
const digits = count('digits', 2000);
const settings = {
  ...defaultSettings,
  limeSamples: count('lime-samples'),
  shapSamples: count('shap-samples'),
  patchSize: count('patch', 32),
  igSteps: count('ig-steps'),
};

await useBackend(values.backend as BackendName);
const started = performance.now();
const { model, accuracy, fromCache, testTensors } = await loadOrTrainMnistClassifier({ kind: 'lenet' });
console.log(
  `backend: ${tf.getBackend()}, LeNet-5 ${fromCache ? 'from the cache' : 'trained now'}, ` +
    `test accuracy ${(100 * accuracy).toFixed(2)}%, explaining the predicted class of ${digits} test digits`,
);
console.log(
  `settings: ${settings.patchSize}x${settings.patchSize} patches (${(32 / settings.patchSize) ** 2} segments), ` +
    `LIME ${settings.limeSamples} masks, SHAP ${settings.shapSamples} coalitions, IG ${settings.igSteps} steps, ` +
    `SmoothGrad ${settings.smoothGradSamples} samples, deletion ${settings.curveSteps} steps`,
);
const { x, y } = testTensors(digits);
y.dispose();
try {
  const report = await runExplanations(model, x, settings, (line) => console.log(`  ${line}`));
  for (const line of reportLines(report)) console.log(line);
  const others = (table: Record<string, number>) => methodNames.map((name) => `${name} ${table[name]?.toFixed(2)}`);
  console.log(`deletion AUC, every method: ${others(report.deletionAuc).join(', ')}`);
  console.log(`insertion AUC (higher is better): ${others(report.insertionAuc).join(', ')}`);
  const heatmaps = join(values['out-dir'] as string, 'heat-maps.png');
  writeFileSync(heatmaps, report.heatmapPng);
  const curves = join(values['out-dir'] as string, 'deletion-curves.png');
  const colours = ['#1f77b4', '#ff7f0e', '#2ca02c', '#d62728', '#9467bd', '#8c564b', '#e377c2', '#7f7f7f'];
  const series = methodNames.map((name, k) => ({
    name,
    values: report.deletionCurves[name],
    x: report.fractions,
    color: colours[k] as string,
  }));
  const chart = {
    title: `Deletion curves, mean over ${digits} digits`,
    xLabel: 'share of pixels removed',
    yLabel: 'class probability',
  };
  writeFileSync(curves, lineChartPng(series, chart));
  console.log(`pictures: ${heatmaps}, ${curves}; total ${((performance.now() - started) / 1000).toFixed(1)} s`);
} finally {
  tf.dispose(x);
  model.dispose();
}
