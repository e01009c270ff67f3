// Every registered layer type of core, cnn and rnn, built with every option at a non-default value,
// survives saveModel/loadModel and serializeModel/deserializeModel: the loaded layer's getConfig()
// equals the options that were passed (not the original's getConfig(), which would share a field
// both sides leave out), and it computes the same outputs, on cpu, wasm and webgpu.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs-core';
import { deserializeModel, loadModel, registeredLayerTypes, saveModel, serializeModel, type Layer } from '@baihua/core';
import { describeEachBackend, expectTensorsClose } from '@baihua/core/testing';
import { afterAll, expect, test } from 'vitest';
import { construct, optionCases, type LayerSpec } from './layer-option-cases.js';

const directory = mkdtempSync(join(tmpdir(), 'baihua-option-round-trip-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

/** Asserts that `config` holds every option of `spec` with the value passed, children included. */
function expectConfigMatches(config: Record<string, unknown>, spec: LayerSpec, where: string): void {
  for (const [key, passed] of Object.entries(spec)) {
    const saved = config[key];
    if (key === 'layers') {
      const children = passed as LayerSpec[];
      expect(Array.isArray(saved), `${where}.layers is an array`).toBe(true);
      expect((saved as unknown[]).length, `${where}.layers.length`).toBe(children.length);
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

/** A fixed input of `shape` with varied values of both signs (ids in [0, idsBelow) when given). */
function inputOf(shape: number[], idsBelow?: number): tf.Tensor {
  const size = shape.reduce((n, s) => n * s, 1);
  if (idsBelow !== undefined)
    return tf.tensor(
      Array.from({ length: size }, (_, i) => (3 * i + 1) % idsBelow),
      shape,
      'int32',
    );
  return tf.tensor(
    Array.from({ length: size }, (_, i) => 2 * Math.sin(1.7 * i + 0.3)),
    shape,
  );
}

async function weightBytes(layer: Layer): Promise<number[]> {
  return Array.from(new Uint8Array((await serializeModel(layer)).weights));
}

test('the table has one case for every registered layer type of core, cnn and rnn, and no other', () => {
  const covered = optionCases.map((c) => c.spec.type).sort();
  expect(covered).toEqual(registeredLayerTypes());
});

describeEachBackend('every option survives save and load', (backend) => {
  for (const { spec, inputShape, idsBelow } of optionCases) {
    test(`${spec.type}: loaded config equals the options passed; same outputs`, async () => {
      const before = tf.memory().numTensors;
      const original = construct(spec);
      // A list of shapes: a layer that takes a list of inputs (Attention).
      const x = Array.isArray(inputShape[0])
        ? (inputShape as number[][]).map((shape) => inputOf(shape))
        : inputOf(inputShape as number[], idsBelow);
      const loaded: Layer[] = [];
      const outputs: tf.Tensor[] = [];
      try {
        expectConfigMatches(original.getConfig(), spec, `original ${spec.type}`);
        // Moves running statistics off their defaults.
        tf.dispose(original.applyMulti(x as tf.Tensor, { training: true }));
        expect(original.trainableWeights(), 'trainable: false freezes every weight, children included').toEqual([]);
        const expected = original.applyMulti(x as tf.Tensor); // every output (Attention's returnScores: two)
        outputs.push(...expected);
        const folder = join(directory, `${backend}-${spec.type}`);
        await saveModel(original, folder);
        loaded.push(await loadModel(folder));
        const serialized = await serializeModel(original);
        const topology = JSON.stringify(serialized.topology);
        loaded.push(await deserializeModel({ topology, weights: serialized.weights }));
        const bytes = Array.from(new Uint8Array(serialized.weights));
        for (const [how, layer] of [
          ['loadModel', loaded[0] as Layer],
          ['deserializeModel', loaded[1] as Layer],
        ] as const) {
          expect(layer).toBeInstanceOf(original.constructor);
          expect(layer.trainableWeights(), `${how} ${spec.type}: still frozen`).toEqual([]);
          expectConfigMatches(layer.getConfig(), spec, `${how} ${spec.type}`);
          expect(await weightBytes(layer), `${how} ${spec.type} weights`).toEqual(bytes);
          const actual = layer.applyMulti(x as tf.Tensor);
          outputs.push(...actual);
          expect(actual.length).toBe(expected.length);
          for (const [k, a] of actual.entries()) {
            const e = expected[k] as tf.Tensor;
            if (backend === 'cpu') expect(Array.from(await a.data())).toEqual(Array.from(await e.data()));
            else await expectTensorsClose(a, e, { rtol: 1e-6, atol: 1e-7 });
          }
        }
      } finally {
        tf.dispose([x, ...outputs]);
        for (const layer of [original, ...loaded]) layer.dispose();
      }
      expect(tf.memory().numTensors).toBe(before);
    });
  }
});
