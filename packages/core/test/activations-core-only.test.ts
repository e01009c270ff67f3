// Imports @baihua/core alone (and tfjs): vitest's forks pool runs this file in its own process, so
// no other package can have registered anything. Every activation name must still resolve in a
// layer, survive saveModel/loadModel and serializeModel/deserializeModel, and compute the same.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs-core';
import { afterAll, describe, expect, test } from 'vitest';
import * as core from '../src/index.js';
import { expectTensorsClose } from '../src/testing.js';

const directory = mkdtempSync(join(tmpdir(), 'baihua-activations-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

// The list: the seed's, hardSigmoid, and what Keras users reach for.
const names = [
  'linear',
  'sigmoid',
  'tanh',
  'relu',
  'leakyRelu',
  'elu',
  'softmax',
  'logSoftmax',
  'hardSigmoid',
  'gelu',
  'silu',
  'swish',
  'softplus',
  'selu',
];

// Inputs spread over [-4, 4] so that every branch (relu's zero, hardSigmoid's clip) is reached.
const input = () =>
  tf.tensor2d(
    Array.from({ length: 15 }, (_, i) => ((i * 7) % 15) - 7),
    [5, 3],
  );

describe('activations by name with @baihua/core alone', () => {
  test.each(names)("Dense({ activation: '%s' }): f(x W + b), saved and loaded back unchanged", async (name) => {
    await core.useBackend('cpu');
    const dense = new core.Dense({ units: 4, activation: name, biasInitializer: 'ones', seed: 3 });
    const model = new core.Sequential({ layers: [dense], seed: 3 });
    const x = input();
    const y = core.predict(model, x);
    const expected = tf.tidy(() => {
      const z = tf.add(tf.matMul(x, dense.weight('kernel').read() as tf.Tensor2D), dense.weight('bias').read());
      return core.getActivation(name)(z);
    });
    expect(model.getConfig()).toMatchObject({ layers: [{ activation: name }] });
    await core.saveModel(model, join(directory, name));
    const fromFiles = await core.loadModel(join(directory, name));
    const fromMemory = await core.deserializeModel(await core.serializeModel(model));
    const yFiles = core.predict(fromFiles, x);
    const yMemory = core.predict(fromMemory, x);
    try {
      await expectTensorsClose(y, { shape: [5, 4], data: Array.from(await expected.data()) }, { atol: 1e-6 });
      await expectTensorsClose(yFiles, { shape: [5, 4], data: Array.from(await y.data()) }, { atol: 0, rtol: 0 });
      await expectTensorsClose(yMemory, { shape: [5, 4], data: Array.from(await y.data()) }, { atol: 0, rtol: 0 });
    } finally {
      tf.dispose([x, y, expected, yFiles, yMemory]);
      for (const m of [model, fromFiles, fromMemory]) m.dispose();
    }
  });

  test('every name is registered; an unknown one names the layer and suggests the closest', () => {
    for (const name of names) expect(core.registeredActivationNames()).toContain(name);
    expect(() => new core.Dense({ units: 4, activation: 'rleu' })).toThrow(
      /^Dense: unknown activation 'rleu' \(did you mean 'relu'\? known: elu, gelu, hardSigmoid, leakyRelu, linear, /,
    );
    expect(() => new core.Dense({ units: 4, activation: 'leaky_relu' })).toThrow(/did you mean 'leakyRelu'\?/);
  });
});
