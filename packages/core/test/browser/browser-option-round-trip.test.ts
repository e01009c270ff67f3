// IndexedDB keeps every option: in headless Chromium a model of every core layer type, each with
// every option at a non-default value, is saved with saveModelToIndexedDB, the page is reloaded,
// and the model loaded with loadModelFromIndexedDB has a config equal to the options Node sent
// (field by field, children included) and the same outputs, on cpu, wasm and webgpu.
import { expect, test } from 'vitest';
import { openPage, runScenario } from './browser-harness.js';
import { describeInChromium } from './describe-in-chromium.js';
import type { LayerSpec } from './page-option-scenarios.js';

const base = (type: string, name: string, seed: number) => ({ type, name, trainable: false, seed });
const spec: LayerSpec = {
  ...base('Sequential', 'options_model', 40),
  layers: [
    {
      ...base('Dense', 'options_dense', 41),
      units: 4,
      activation: 'softplus',
      useBias: false,
      kernelInitializer: { name: 'varianceScaling', scale: 0.7, mode: 'fanOut', distribution: 'normal' },
      biasInitializer: { name: 'constant', value: 0.25 },
    },
    { ...base('BatchNorm', 'options_batch_norm', 42), momentum: 0.6, epsilon: 0.5, center: false, scale: false },
    { ...base('LayerNorm', 'options_layer_norm', 43), epsilon: 0.25 },
    { ...base('GroupNorm', 'options_group_norm', 44), groups: 2, epsilon: 0.125 },
    {
      ...base('Residual', 'options_residual', 45),
      body: { ...base('Dense', 'options_body', 46), units: 4, activation: 'gelu', kernelInitializer: 'heNormal' },
    },
    { ...base('Dropout', 'options_dropout', 47), rate: 0.4 },
    base('Flatten', 'options_flatten', 48),
    { ...base('RepeatVector', 'options_repeat_vector', 49), n: 2 },
    {
      ...base('TimeDistributed', 'options_time_distributed', 50),
      layer: { ...base('Dense', 'options_per_step', 51), units: 3, activation: 'tanh', kernelInitializer: 'heUniform' },
    },
    { ...base('Reshape', 'options_reshape', 52), targetShape: [-1] },
    { ...base('Masking', 'options_masking', 53), maskValue: 0.25 },
  ],
};
const shape = [3, 2, 5];

/** Asserts that `config` holds every option of `expected` with the value passed, children included. */
function expectConfigMatches(config: Record<string, unknown>, expected: LayerSpec, where: string): void {
  for (const [key, passed] of Object.entries(expected)) {
    const saved = config[key];
    if (key === 'layers') {
      const children = passed as LayerSpec[];
      expect((saved as unknown[] | undefined)?.length, `${where}.layers.length`).toBe(children.length);
      children.forEach((child, i) =>
        expectConfigMatches((saved as Record<string, unknown>[])[i] ?? {}, child, `${where}.layers[${i}]`),
      );
    } else if (key === 'body' || key === 'layer') {
      expectConfigMatches((saved ?? {}) as Record<string, unknown>, passed as LayerSpec, `${where}.${key}`);
    } else {
      expect(saved, `${where}.${key}`).toEqual(passed);
    }
  }
}

describeInChromium('in Chromium: every core option survives IndexedDB', (session) => {
  for (const backend of ['cpu', 'wasm', 'webgpu'] as const) {
    test(`[${backend}] saved, page reloaded, loaded: config equals the options passed; same outputs`, async () => {
      const key = `options-${backend}`;
      const saved = await runScenario<{ outputs: number[] }>(
        session(),
        'saveSpecToIndexedDB',
        backend,
        spec,
        shape,
        key,
      );
      await openPage(session()); // a new page: only IndexedDB remembers the model
      const loaded = await runScenario<{ config: Record<string, unknown>; outputs: number[]; leaked: number }>(
        session(),
        'loadSpecFromIndexedDB',
        backend,
        key,
        shape,
      );
      expectConfigMatches(loaded.config, spec, `${backend} ${spec.type}`);
      expect(loaded.outputs).toHaveLength(3 * 6); // Flatten [3, 8], repeated twice, 3 units per step, reshaped
      if (backend === 'cpu') expect(loaded.outputs).toEqual(saved.outputs);
      else loaded.outputs.forEach((v, i) => expect(Math.abs(v - (saved.outputs[i] as number))).toBeLessThan(1e-6));
      expect(loaded.leaked).toBe(0);
    });
  }
});
