import * as tf from '@tensorflow/tfjs-core';
import { expect, test } from 'vitest';
import { checkGradients, describeEachBackend, expectNoLeakedTensors, expectTensorsClose } from '../testing.js';
import { registerActivation } from '../registry/activation-registry.js';
import { Dense } from './dense.js';

describeEachBackend('Dense', () => {
  test('forward: y = f(x W + b) with the weights it was given', async () => {
    const dense = new Dense({ units: 2, activation: tf.relu, seed: 1 });
    const x = tf.tensor2d([
      [1, 2, 3],
      [-1, 0, 1],
    ]);
    dense.apply(x).dispose();
    const w = tf.tensor2d([
      [1, -1],
      [0, 2],
      [0.5, 0],
    ]);
    const b = tf.tensor1d([0.5, -1]);
    dense.setWeights([w, b]);
    const y = dense.apply(x);
    await expectTensorsClose(y, [
      [3, 2],
      [0, 0],
    ]);
    tf.dispose([x, w, b, y]);
    dense.dispose();
  });

  test('keeps leading axes: [2, 3, 4] -> [2, 3, 5]', async () => {
    const dense = new Dense({ units: 5, seed: 2 });
    const x = tf.ones([2, 3, 4]);
    const y = dense.apply(x);
    expect(y.shape).toEqual([2, 3, 5]);
    const flat = dense.apply(tf.reshape(x, [6, 4]));
    await expectTensorsClose(tf.reshape(y, [6, 5]), flat);
    tf.dispose([x, y, flat]);
    dense.dispose();
  });

  test('gradients: input by finite differences, kernel and bias in closed form', async () => {
    const dense = new Dense({ units: 3, activation: tf.tanh, seed: 3 });
    const x = tf.tensor2d([
      [0.3, -0.2],
      [0.1, 0.4],
      [-0.5, 0.2],
      [0.6, 0.1],
    ]);
    await checkGradients((input) => dense.apply(input), [x]);
    const dy = tf.tensor2d([
      [1, 0, -1],
      [0.5, 2, 0],
      [0, 1, 1],
      [-1, 0.3, 0.2],
    ]);
    const kernel = dense.weight('kernel').read();
    const bias = dense.weight('bias').read();
    const { grads } = tf.variableGrads(() => tf.sum(tf.mul(dense.apply(x), dy)) as tf.Scalar, [kernel, bias]);
    const dz = tf.tidy(() => tf.mul(dy, tf.sub(1, tf.square(tf.tanh(tf.add(tf.matMul(x, kernel), bias))))));
    const expectedKernel = tf.matMul(x, dz, true, false);
    const expectedBias = tf.sum(dz, 0);
    await expectTensorsClose(grads[kernel.name] as tf.Tensor, expectedKernel);
    await expectTensorsClose(grads[bias.name] as tf.Tensor, expectedBias);
    tf.dispose([x, dy, dz, expectedKernel, expectedBias, ...Object.values(grads)]);
    dense.dispose();
  });

  test('same seed, same weights; different seed, different weights', async () => {
    const a = new Dense({ units: 4, seed: 7 });
    const b = new Dense({ units: 4, seed: 7 });
    const c = new Dense({ units: 4, seed: 8 });
    const x = tf.ones([1, 3]);
    for (const layer of [a, b, c]) layer.apply(x).dispose();
    const [wa, wb, wc] = [a, b, c].map((l) => l.weight('kernel').read());
    await expectTensorsClose(wa as tf.Tensor, wb as tf.Tensor, { rtol: 0, atol: 0 });
    await expect(expectTensorsClose(wa as tf.Tensor, wc as tf.Tensor)).rejects.toThrow(/exceeds/);
    x.dispose();
    for (const layer of [a, b, c]) layer.dispose();
  });

  test('activation by registered name; linear by default', async () => {
    registerActivation('testDouble', (t) => tf.mul(t, 2));
    const named = new Dense({ units: 1, activation: 'testDouble', useBias: false, kernelInitializer: 'ones' });
    const linear = new Dense({ units: 1, useBias: false, kernelInitializer: 'ones' });
    const x = tf.tensor2d([[1, 2]]);
    const [yn, yl] = [named.apply(x), linear.apply(x)];
    await expectTensorsClose(yn, [[6]]);
    await expectTensorsClose(yl, [[3]]);
    expect(named.getConfig()).toMatchObject({ type: 'Dense', units: 1, activation: 'testDouble', useBias: false });
    tf.dispose([x, yn, yl]);
    named.dispose();
    linear.dispose();
  });

  test('apply leaves no tensor behind beyond the built weights', async () => {
    const dense = new Dense({ units: 3, seed: 1 });
    const x = tf.ones([2, 4]);
    dense.apply(x).dispose();
    await expectNoLeakedTensors(() => dense.apply(x, { training: true }));
    x.dispose();
    dense.dispose();
  });

  test('bad input: clear errors, no variables created', async () => {
    expect(() => new Dense({ units: 0 })).toThrow(/Dense: expected units to be a positive integer, got 0/);
    expect(() => new Dense({ units: 2, activation: 'noSuchActivation' })).toThrow(
      /^Dense: unknown activation 'noSuchActivation' \(known: .*relu/,
    );
    // The initialiser spec is checked when the layer is made, not first at build.
    expect(() => new Dense({ units: 2, kernelInitializer: 'nope' })).toThrow(
      /resolveInitializer: unknown initializer "nope"/,
    );
    const before = tf.memory().numTensors;
    const x = tf.ones([1, 2]);
    const dense = new Dense({ units: 2, seed: 1 });
    const vector = tf.ones([3]);
    expect(() => dense.apply(vector)).toThrow(
      /Dense: expected input of rank >= 2 \(\[batch, \.\.\., features\]\), got rank 1 \(shape \[3\]\)/,
    );
    dense.apply(x).dispose();
    const wrong = tf.ones([1, 5]);
    expect(() => dense.apply(wrong)).toThrow(
      /Dense\.apply: layer 'dense_\d+' expected input of shape \[batch, \.\.\., 2\], got \[1,5\]/,
    );
    expect(() => dense.apply([1, 2] as unknown as tf.Tensor)).toThrow(
      /Dense\.apply: expected x to be a tf\.Tensor, got an array/,
    );
    expect(() => new Dense({ units: 1, activation: (t) => t }).getConfig()).toThrow(
      /^Dense\.getConfig: expected a registered activation so that the model can be saved, got the unregistered/,
    );
    dense.dispose();
    tf.dispose([x, vector, wrong]);
    expect(tf.memory().numTensors).toBe(before);
  });
});
