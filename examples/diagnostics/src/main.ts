// The seed's pitfalls table (避坑指南) as five purpose-built failures: each is trained with
// trainingDiagnostics, diagnosed, then trained again with the seed's cure and diagnosed again.
// Prints one line per case, `<case>: <finding or "healthy"> -> after cure: <finding or "healthy">`,
// and writes the charts (SVG and PNG) to --out-dir.
// Usage: pnpm start [--backend cpu|wasm|webgpu] [--out-dir output] [--case vanishing|dead units|...]
import { parseArgs } from 'node:util';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as tf from '@tensorflow/tfjs-core';
import { useBackend, type BackendName } from '@baihua/core';
import { cases } from './cases.js';
import { writePictures } from './pictures.js';
import { caseLine, runCase } from './run-setup.js';

const { values } = parseArgs({
  options: {
    backend: { type: 'string', default: 'wasm' },
    'out-dir': { type: 'string', default: fileURLToPath(new URL('../output', import.meta.url)) },
    case: { type: 'string' },
  },
});
const chosen = values.case === undefined ? cases : cases.filter((c) => c.name === values.case);
if (chosen.length === 0)
  throw new Error(`--case: expected one of ${cases.map((c) => `'${c.name}'`).join(', ')}, got '${values.case}'`);

await useBackend(values.backend as BackendName);
console.log(`backend: ${tf.getBackend()}`);
const started = performance.now();
const written: string[] = [];
for (const trainingCase of chosen) {
  const runs = await runCase(trainingCase);
  console.log(caseLine(trainingCase, runs));
  written.push(...writePictures(trainingCase, runs, values['out-dir']));
}
const where = relative(process.cwd(), values['out-dir']) || '.';
console.log(`${written.length} pictures in ${where}; ${((performance.now() - started) / 1000).toFixed(1)} s`);
