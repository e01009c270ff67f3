import { readFileSync } from 'node:fs';
import { requiredOnCi, reportUnavailable } from '@baihua/core/testing';
import { expect, test } from 'vitest';
import { installNodeOrtLoaders } from './node-ort-loaders.js';
import { loadOrtRuntime, type OrtFlavour, setOrtModuleLoader } from './ort-runtime.js';

// A LeNet written by PyTorch 1.13's own exporter, with PyTorch's output on a fixed input (the
// importer's fixture): an independent reference for both runtimes.
const fixtures = new URL('../../../onnx/fixtures/', import.meta.url);
const cases = JSON.parse(readFileSync(new URL('torch-onnx-cases.json', fixtures), 'utf8')) as {
  cases: Record<string, { file: string; input: { shape: number[]; data: number[] }; output: { data: number[] } }>;
};
const lenet = cases.cases.lenet as NonNullable<(typeof cases.cases)['lenet']>;
const bytes = new Uint8Array(readFileSync(new URL(lenet.file, fixtures)));

installNodeOrtLoaders();
for (const flavour of ['ort-node', 'ort-wasm'] as const satisfies OrtFlavour[]) {
  const runtime = await loadOrtRuntime(flavour);
  if (typeof runtime === 'string') {
    reportUnavailable(flavour, runtime, requiredOnCi('BAIHUA_REQUIRE_ONNXRUNTIME'));
    continue;
  }
  test(`${flavour}: PyTorch's LeNet gives PyTorch's logits within 1e-5, run after run`, async () => {
    const session = await runtime.createSession(bytes);
    try {
      const input = Float32Array.from(lenet.input.data);
      for (let run = 0; run < 2; run++) {
        const { data, dims } = await session.run(input, lenet.input.shape);
        expect(dims).toEqual([2, 10]);
        const worst = Math.max(...lenet.output.data.map((expected, i) => Math.abs((data[i] as number) - expected)));
        expect(worst).toBeLessThan(1e-5);
      }
      await expect(session.run(input.subarray(1), lenet.input.shape)).rejects.toThrow();
    } finally {
      await session.release();
    }
  });
}

test('loadOrtRuntime loads each runtime once; a missing package or loader is a reason, not a rejection', async () => {
  expect(loadOrtRuntime('ort-node')).toBe(loadOrtRuntime('ort-node'));
  setOrtModuleLoader('ort-node', () => Promise.reject(new Error("Cannot find module 'onnxruntime-node'\nstack")));
  expect(await loadOrtRuntime('ort-node')).toBe("onnxruntime-node cannot load: Cannot find module 'onnxruntime-node'");
  installNodeOrtLoaders();
  expect(typeof (await loadOrtRuntime('ort-node'))).toBe('object');
});
