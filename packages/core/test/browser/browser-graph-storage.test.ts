// A graph Model in the browser: in headless Chromium a two-input model (a shared projection, then
// attention returning its scores, then a head) is saved with saveModelToIndexedDB, the page is
// reloaded, and the model loaded with loadModelFromIndexedDB is a Model with the same config and
// the same outputs (both of them), on cpu, wasm and webgpu; nothing is left behind.
import { expect, test } from 'vitest';
import { openPage, runScenario } from './browser-harness.js';
import { describeInChromium } from './describe-in-chromium.js';

type Saved = { config: Record<string, unknown>; outputs: number[][] };

describeInChromium('in Chromium: a graph Model survives IndexedDB', (session) => {
  for (const backend of ['cpu', 'wasm', 'webgpu'] as const) {
    test(`[${backend}] two inputs, shared layer, attention scores: same config, outputs after reload`, async () => {
      const key = `graph-${backend}`;
      const saved = await runScenario<Saved>(session(), 'saveGraphToIndexedDB', backend, key);
      await openPage(session()); // a new page: only IndexedDB remembers the model
      const loaded = await runScenario<Saved & { type: string; leaked: number }>(
        session(),
        'loadGraphFromIndexedDB',
        backend,
        key,
      );
      expect(loaded.type).toBe('Model');
      expect(loaded.config).toEqual(saved.config);
      expect((loaded.config as { outputNames: string[] }).outputNames).toEqual(['answer', 'scores']);
      expect(loaded.outputs.map((o) => o.length)).toEqual([2 * 3 * 2, 2 * 3 * 5]);
      expect(loaded.outputs).toEqual(saved.outputs); // same backend, same weights: identical floats
      expect(loaded.leaked).toBe(0);
    });
  }
});
