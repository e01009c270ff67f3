// The side-effect policy of @baihua/cnn: importing the package registers its layer types and its
// wasm kernels (as tfjs's index.ts registers kernels), and package.json's `sideEffects` lists
// exactly the files that do so. Loading a saved model then needs `import '@baihua/cnn'` alone.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as tf from '@tensorflow/tfjs-core';
import { Sequential, saveModel, useBackend } from '@baihua/core';
import { expect, test } from 'vitest';
import { Conv2D, ConvBlock, GlobalAvgPool2D, L2Pool2D } from '../src/index.js';

const packageDir = fileURLToPath(new URL('..', import.meta.url));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return path.endsWith('.ts') && !path.endsWith('.test.ts') ? [path] : [];
  });
}

test('sideEffects lists exactly the built entries and the source files that register something', () => {
  const declared = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')).sideEffects as string[];
  // A registration at module level: a call at the start of a line, outside any function.
  const registering = sourceFiles(join(packageDir, 'src'))
    .filter((file) => /^(registerLayerType|registerCnnKernels)\(/m.test(readFileSync(file, 'utf8')))
    .map((file) => `./${relative(packageDir, file)}`)
    .sort();
  expect(registering).toContain('./src/kernels/install.ts');
  expect(registering).toContain('./src/layers/conv2d-layer.ts');
  expect([...declared].sort()).toEqual(['./dist/index.cjs', './dist/index.js', ...registering].sort());
});

test("loadModel reads a saved Conv2D model in a program that imported '@baihua/cnn' alone", async () => {
  await useBackend('cpu');
  const directory = mkdtempSync(join(tmpdir(), 'baihua-cnn-model-'));
  const model = new Sequential({
    seed: 4,
    layers: [
      new Conv2D({ filters: 2, kernelSize: 3, padding: 'same', activation: 'relu' }),
      new ConvBlock({ filters: 3, kernelSize: 1 }),
      new L2Pool2D(),
      new GlobalAvgPool2D(),
    ],
  });
  const x = tf.reshape(tf.linspace(-1, 1, 32), [1, 4, 4, 2]);
  try {
    const y = model.apply(x);
    const expected = Array.from(await y.data());
    y.dispose();
    await saveModel(model, directory);
    // A fresh Node process: only @baihua/core and @baihua/cnn (its built entry, by its own name).
    const program = `
      import * as tf from '@tensorflow/tfjs-core';
      import { loadModel, useBackend } from '@baihua/core';
      import '@baihua/cnn';
      await useBackend('cpu');
      const model = await loadModel(${JSON.stringify(directory)});
      const y = model.apply(tf.reshape(tf.linspace(-1, 1, 32), [1, 4, 4, 2]));
      const layers = model.children().map((layer) => layer.typeName);
      console.log(JSON.stringify({ layers, y: Array.from(await y.data()) }));
    `;
    const output = execFileSync(process.execPath, ['--input-type=module', '-e', program], {
      cwd: packageDir,
      encoding: 'utf8',
    });
    const result = JSON.parse(output.trim().split('\n').at(-1) as string);
    expect(result.layers).toEqual(['Conv2D', 'ConvBlock', 'L2Pool2D', 'GlobalAvgPool2D']);
    expect(result.y).toHaveLength(expected.length);
    result.y.forEach((value: number, i: number) => expect(value).toBeCloseTo(expected[i] as number, 5));
  } finally {
    x.dispose();
    model.dispose();
    rmSync(directory, { recursive: true, force: true });
  }
}, 60_000);
