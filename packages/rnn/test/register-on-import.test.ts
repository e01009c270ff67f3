// Its own file, so its own process: nothing of @baihua/rnn is loaded but the package's entry, by
// its published name, as a user's program loads it (no registerRecurrentLayers() call exists).
import '@baihua/rnn';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs-core';
import { deserializeModel, layerFromConfig, registeredLayerTypes, serializeModel } from '@baihua/core';
import { describeEachBackend, expectTensorsClose } from '@baihua/core/testing';
import { expect, test } from 'vitest';

const packageRoot = new URL('..', import.meta.url).pathname;

describeEachBackend(
  "import '@baihua/rnn' alone registers the recurrent layer types",
  () => {
    test('a model with an LSTM and a GRU, made and loaded by type name, predicts as before saving', async () => {
      expect(registeredLayerTypes()).toEqual(
        expect.arrayContaining(['SimpleRNN', 'LSTM', 'PeepholeLSTM', 'CoupledLSTM', 'GRU', 'Bidirectional']),
      );
      const model = layerFromConfig({
        type: 'Sequential',
        seed: 3,
        layers: [
          { type: 'LSTM', units: 4, returnSequences: true },
          { type: 'GRU', units: 3, recurrentActivation: 'hardSigmoid' },
        ],
      });
      const x = tf.randomNormal([2, 5, 3], 0, 1, 'float32', 8);
      const before = model.apply(x);
      const loaded = await deserializeModel(await serializeModel(model));
      const after = loaded.apply(x);
      try {
        // The first LSTM and GRU of this process: Keras' automatic names, in the saved weight paths.
        const paths = [
          'lstm_1/kernel',
          'lstm_1/recurrentKernel',
          'lstm_1/bias',
          'gru_1/kernel',
          'gru_1/recurrentKernel',
        ];
        expect(model.weights().map((w) => w.path)).toEqual([...paths, 'gru_1/bias', 'gru_1/recurrentBias']);
        expect(loaded.weights().map((w) => w.path)).toEqual(model.weights().map((w) => w.path));
        await expectTensorsClose(after, before, { rtol: 0, atol: 0 });
      } finally {
        tf.dispose([before, after, x]);
        model.dispose();
        loaded.dispose();
      }
    });

    test('package.json sideEffects lists exactly the files that register (the built entry and its source)', () => {
      const manifest = JSON.parse(readFileSync(join(packageRoot, 'package.json'), 'utf8')) as { sideEffects: unknown };
      const sources = (directory: string): string[] =>
        readdirSync(join(packageRoot, directory), { withFileTypes: true }).flatMap((entry) => {
          const path = `${directory}/${entry.name}`;
          if (entry.isDirectory()) return sources(path);
          return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [path] : [];
        });
      // Files that register layer types or fused sequence runners at module level.
      const registering = sources('src').filter((path) =>
        /^(registerLayerType|registerFusedSequenceRunner)\(/m.test(readFileSync(join(packageRoot, path), 'utf8')),
      );
      expect(registering).toEqual(
        expect.arrayContaining([
          'src/layers/register-recurrent-layers.ts',
          'src/fused/webgpu/register-webgpu-sequences.ts',
          'src/fused/wasm/register-wasm-sequences.ts',
        ]),
      );
      expect([...(manifest.sideEffects as string[])].sort()).toEqual(
        ['./dist/index.js', './dist/index.cjs', ...registering.map((p) => `./${p}`)].sort(),
      );
      // The entry imports the registering file, so both builds carry the registrations.
      for (const built of ['dist/index.js', 'dist/index.cjs'])
        expect(readFileSync(join(packageRoot, built), 'utf8')).toMatch(/registerLayerType\)?\(["']GRU["']/);
    });
  },
  // Registration and loading are backend-independent; one backend shows them.
  { backends: ['cpu'] },
);
