import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { describe, expect, test } from 'vitest';
// @ts-expect-error plain JS build script without types
import { readTfjsGradientImports, renderGradientConfigsModule } from '../../scripts/generate-gradient-configs.mjs';

const packageRoot = fileURLToPath(new URL('../..', import.meta.url));
const scratch = join(packageRoot, 'test-results', 'gradient-settings');

// Each setting runs in a fresh node process against the built dist/, as a user's program would.
const gradientProbe = `
  const x = tf.tensor1d([1, 2, 3]);
  const g = tf.grad((v) => tf.sum(tf.mul(tf.square(v), tf.scalar(0.5))))(x);
  const values = Array.from(await g.data());
  const kernels = ['Sum', 'Square', 'Conv2D', 'MaxPool', 'BatchMatMul', 'Softmax'];
  console.log(JSON.stringify({ values, registered: kernels.filter((k) => tf.getGradient(k) !== undefined).length }));
`;

function runNode(args: string[]): { values: number[]; registered: number } {
  const out = execFileSync(process.execPath, args, {
    cwd: packageRoot,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return JSON.parse(out.trim().split('\n').at(-1) as string);
}

describe('importing @baihua/core registers every tfjs gradient once', () => {
  test("the bundled gradient list equals tfjs-core's own register_all_gradients", () => {
    const generated = readFileSync(join(packageRoot, 'src/gradients/tfjs-gradient-configs.ts'), 'utf8');
    expect(generated).toBe(renderGradientConfigsModule(readTfjsGradientImports()));
    expect(readTfjsGradientImports().length).toBeGreaterThan(90);
  });

  test('control: plain tfjs-core in Node cannot differentiate (the reason this exists)', () => {
    const script = `import * as tf from '@tensorflow/tfjs-core'; import '@tensorflow/tfjs-backend-cpu';
      try { ${gradientProbe} } catch (e) { console.log(JSON.stringify({ error: e.message })); }`;
    const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], {
      cwd: packageRoot,
      encoding: 'utf8',
    });
    expect(out).toMatch(/gradient function not found for/);
  });

  test('Node ESM', () => {
    const script = `import * as tf from '@tensorflow/tfjs-core'; import '@tensorflow/tfjs-backend-cpu';
      import '@baihua/core';
      ${gradientProbe}`;
    expect(runNode(['--input-type=module', '-e', script])).toEqual({ values: [1, 2, 3], registered: 6 });
  });

  test('Node CJS', () => {
    const script = `const tf = require('@tensorflow/tfjs-core'); require('@tensorflow/tfjs-backend-cpu');
      const core = require('@baihua/core');
      (async () => {
        ${gradientProbe};
        if (core.registerTfjsGradients() !== 0) throw new Error('registered twice');
      })();`;
    expect(runNode(['-e', script])).toEqual({ values: [1, 2, 3], registered: 6 });
  });

  test('Node ESM and CJS together share one registration (the second adds nothing)', () => {
    const script = `import * as tf from '@tensorflow/tfjs-core'; import '@tensorflow/tfjs-backend-cpu';
      import { registerTfjsGradients } from '@baihua/core'; import { createRequire } from 'node:module';
      const cjs = createRequire(import.meta.url)('@baihua/core');
      if (registerTfjsGradients() !== 0 || cjs.registerTfjsGradients() !== 0) throw new Error('registered twice');
      ${gradientProbe}`;
    expect(runNode(['--input-type=module', '-e', script])).toEqual({ values: [1, 2, 3], registered: 6 });
  });

  test('browser bundle (esbuild, platform browser), one tfjs-core, run in a browser-like context', async () => {
    mkdirSync(scratch, { recursive: true });
    const entry = join(scratch, 'browser-entry.mjs');
    writeFileSync(
      entry,
      `import * as tf from '@tensorflow/tfjs-core'; import '@tensorflow/tfjs-backend-cpu'; import '@baihua/core';
      globalThis.probe = (async () => { await tf.setBackend('cpu'); ${gradientProbe} })();`,
    );
    const outfile = join(scratch, 'browser-bundle.js');
    const result = await esbuild.build({
      entryPoints: [entry],
      bundle: true,
      platform: 'browser',
      format: 'iife',
      outfile,
      metafile: true,
      logLevel: 'silent',
      absWorkingDir: packageRoot,
    });
    // Bundlers take our "browser" build, whose gradient imports resolve to the very tfjs-core files
    // the user's tfjs-core brings: one copy of every tfjs-core module, one engine.
    const inputs = Object.keys(result.metafile.inputs);
    expect(
      inputs.filter((file) => /@baihua\/core|packages\/core\/dist/.test(file) || file.startsWith('dist/')),
    ).toEqual(['dist/browser/index.js']);
    expect(inputs.filter((file) => /tfjs-core\/dist\/engine\.js$/.test(file))).toHaveLength(1);
    expect(readFileSync(outfile, 'utf8').match(/function getOrMakeEngine\(/g)).toHaveLength(1);
    // No `process`, no `require`: what a page has (Chromium itself comes with the browser-test issue).
    const printed: string[] = [];
    const page: Record<string, unknown> = {
      console: { log: (line: string) => printed.push(line), warn: () => {}, error: () => {}, info: () => {} },
      TextEncoder,
      TextDecoder,
      setTimeout,
      clearTimeout,
      queueMicrotask,
      performance,
      Float32Array,
      Int32Array,
      Uint8Array,
    };
    page.window = page;
    page.document = {};
    page.self = page;
    runInNewContext(readFileSync(outfile, 'utf8'), page);
    await page.probe;
    expect(JSON.parse(printed.at(-1) as string)).toEqual({ values: [1, 2, 3], registered: 6 });
  });
});
