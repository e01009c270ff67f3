import * as tf from '@tensorflow/tfjs-core';
import { describeEachBackend, expectNoLeakedTensors } from '@baihua/core/testing';
import { expect, test } from 'vitest';
import { gradientRetention } from './gradient-retention.js';
import { elu, leakyRelu, registerActivation, relu } from '@baihua/core';

// Small networks and few calls: webgpu runs on SwiftShader here (a CPU Vulkan driver), where each
// call costs about 0.5 s of kernel dispatches whatever the size.
const small = { depth: 3, width: 8, samples: 16 };

describeEachBackend('gradientRetention', () => {
  test('deterministic: the same seed gives the same numbers, another seed others', async () => {
    const a = await gradientRetention('tanh', { ...small, seed: 3 });
    const b = await gradientRetention('tanh', { ...small, seed: 3 });
    const c = await gradientRetention('tanh', { ...small, seed: 4 });
    expect(b).toEqual(a);
    expect(c.retention).not.toBe(a.retention);
    expect(a.layers.map((l) => l.layer)).toEqual([1, 2, 3]);
    expect(a).toMatchObject({ activation: 'tanh', init: 'xavier', depth: 3, width: 8, samples: 16, seed: 3 });
    for (const layer of a.layers) expect(layer.activationRatio).toBeLessThanOrEqual(1 + 1e-6);
  });

  test("sanity: each sigmoid layer keeps at most 1/4 (sigma' <= 0.25); ReLU (He init) keeps far more", async () => {
    const sigmoid = await gradientRetention('sigmoid', { ...small, seed: 1 });
    const byName = await gradientRetention('relu', { ...small, seed: 1 });
    const byFunction = await gradientRetention(relu, { ...small, seed: 1 });
    for (const layer of sigmoid.layers) expect(layer.activationRatio).toBeLessThanOrEqual(0.25 + 1e-6);
    expect(sigmoid.retention).toBeLessThan(0.25 ** 3 * 2);
    expect(byName.retention).toBeGreaterThan(10 * sigmoid.retention);
    expect(byName.init).toBe('he');
    expect(byFunction).toEqual(byName);
  });

  test('consistency: retention is the product of the layer ratios; a custom function, Xavier init', async () => {
    const half = await gradientRetention((x) => tf.mul(x, 0.5), { ...small, seed: 2 });
    expect(half.init).toBe('xavier');
    for (const layer of half.layers) expect(Math.abs(layer.activationRatio - 0.5)).toBeLessThan(1e-5);
    expect(Math.abs(half.activationProduct / 0.125 - 1)).toBeLessThan(1e-5);
    const product = half.layers.reduce((p, l) => p * l.layerRatio, 1);
    expect(Math.abs(product / half.retention - 1)).toBeLessThan(1e-4);
    const forced = await gradientRetention('elu', { ...small, seed: 2, init: 'xavier' });
    expect(forced.init).toBe('xavier');
    expect(forced.activation).toBe('elu');
  });

  test("init 'auto': He for the ReLU family by name or function, Xavier otherwise; the name reported", async () => {
    const options = { depth: 1, width: 4, samples: 4, seed: 3 };
    for (const name of ['relu', 'leakyRelu', 'elu']) {
      expect((await gradientRetention(name, options)).init).toBe('he');
    }
    for (const [fn, name] of [
      [relu, 'relu'],
      [leakyRelu, 'leakyRelu'],
      [elu, 'elu'],
    ] as const) {
      const result = await gradientRetention(fn, options);
      expect([result.init, result.activation]).toEqual(['he', name]); // the registered name, not fn.name
    }
    // A ReLU registered under a name of its own: He by its function, and reported under that name.
    registerActivation('retentionTestRelu', relu);
    const alias = await gradientRetention('retentionTestRelu', options);
    expect([alias.init, alias.activation]).toEqual(['he', 'retentionTestRelu']);
    const tanhResult = await gradientRetention('tanh', options);
    expect([tanhResult.init, tanhResult.activation]).toEqual(['xavier', 'tanh']);
    const named = await gradientRetention(function halve(x: tf.Tensor) {
      return tf.mul(x, 0.5);
    }, options);
    expect(named.activation).toBe('halve');
    const anonymous = await gradientRetention(
      [(x: tf.Tensor) => tf.mul(x, 0.5)][0] as (x: tf.Tensor) => tf.Tensor,
      options,
    );
    expect(anonymous.activation).toBe('custom');
    // An alias is reported as the name it was given, not as the first name registered for its function.
    expect((await gradientRetention('swish', options)).activation).toBe('swish');
  });

  test('per-layer norms finite and chained (h_(l-1) norm = layer l ratio x its output norm)', async () => {
    const result = await gradientRetention('relu', { ...small, seed: 4 });
    result.layers.forEach((layer, i) => {
      expect(layer.layer).toBe(i + 1);
      expect(Number.isFinite(layer.outputGradientNorm) && layer.outputGradientNorm > 0).toBe(true);
      expect(layer.preActivationGradientNorm).toBeLessThanOrEqual(layer.outputGradientNorm * (1 + 1e-6));
      expect(layer.activationRatio).toBeCloseTo(layer.preActivationGradientNorm / layer.outputGradientNorm, 6);
      const next = result.layers[i + 1];
      if (next) expect(next.layerRatio * next.outputGradientNorm).toBeCloseTo(layer.outputGradientNorm, 3);
    });
  });

  test('bad input: a clear error', async () => {
    await expect(gradientRetention('relu', { depth: 0 })).rejects.toThrow(
      /^gradientRetention: expected depth to be a positive integer, got 0$/,
    );
    await expect(gradientRetention('relu', { width: 2.5 })).rejects.toThrow(
      /^gradientRetention: expected width to be a positive integer, got 2\.5$/,
    );
    await expect(gradientRetention('relu', { samples: -1 })).rejects.toThrow(
      /^gradientRetention: expected samples to be a positive integer, got -1$/,
    );
    await expect(gradientRetention('relu', { seed: Number.NaN })).rejects.toThrow(
      /^gradientRetention: expected seed to be an integer, got NaN$/,
    );
    await expect(gradientRetention('relu', { init: 'glorot' as 'he' })).rejects.toThrow(
      /^gradientRetention: expected init to be one of 'auto', 'xavier', 'he', got "glorot"$/,
    );
    await expect(gradientRetention(42 as unknown as string)).rejects.toThrow(
      /^gradientRetention: expected activation to be a function or a registered name, got number$/,
    );
    await expect(gradientRetention('swishy')).rejects.toThrow(
      /^gradientRetention: unknown activation 'swishy' \(did you mean 'swish'\? known: /,
    );
    await expect(gradientRetention('relu', { deph: 3 } as never)).rejects.toThrow(
      /^gradientRetention: unknown key 'deph' in options \(did you mean 'depth'\? known: depth, init, samples, /,
    );
  });

  test('leaves no tensors behind', async () => {
    await expectNoLeakedTensors(() => gradientRetention('sigmoid', { ...small, seed: 1 }));
  });
});
