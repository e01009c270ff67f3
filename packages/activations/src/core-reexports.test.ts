import * as tf from '@tensorflow/tfjs-core';
import { lookupActivation, registeredActivationNames, resolveActivation } from '@baihua/core';
import { describeEachBackend, expectNoLeakedTensors, expectTensorsClose } from '@baihua/core/testing';
import { expect, test } from 'vitest';
import {
  activationNames,
  elu,
  getActivation,
  leakyRelu,
  linear,
  logSoftmax,
  relu,
  sigmoid,
  softmax,
  tanh,
} from './index.js';

describeEachBackend('registration and getActivation', () => {
  test("importing the package registers every activation in core's registry", () => {
    expect(activationNames).toEqual(['sigmoid', 'tanh', 'relu', 'leakyRelu', 'elu', 'softmax', 'logSoftmax', 'linear']);
    for (const name of activationNames) expect(registeredActivationNames()).toContain(name);
    const expected = { sigmoid, tanh, relu, leakyRelu, elu, softmax, logSoftmax, linear };
    for (const name of activationNames) {
      expect(lookupActivation(name)).toBe(expected[name]);
      expect(getActivation(name)).toBe(expected[name]);
      expect(resolveActivation(name)).toBe(expected[name]);
    }
  });

  test('a looked-up activation computes with its default options', async () => {
    const x = tf.tensor([[-2, 0, 3]]);
    const byName = getActivation('leakyRelu')(x);
    const eluByName = getActivation('elu')(x);
    const softmaxByName = getActivation('softmax')(x);
    await expectTensorsClose(byName, [[-0.02, 0, 3]]);
    await expectTensorsClose(eluByName, [[Math.expm1(-2), 0, 3]]);
    await expectTensorsClose(softmaxByName, [
      [
        Math.exp(-5) / (1 + Math.exp(-3) + Math.exp(-5)),
        Math.exp(-3) / (1 + Math.exp(-3) + Math.exp(-5)),
        1 / (1 + Math.exp(-3) + Math.exp(-5)),
      ],
    ]);
    tf.dispose([x, byName, eluByName, softmaxByName]);
  });

  test('bad input: an unknown name lists the registered ones; a non-string is refused', () => {
    expect(() => getActivation('swish')).toThrow(
      /^getActivation: unknown activation 'swish' \(registered: .*elu, .*linear.*sigmoid.*\)$/,
    );
    expect(() => getActivation('')).toThrow(/^getActivation: expected name to be a non-empty string, got ''$/);
    expect(() => getActivation(undefined as unknown as string)).toThrow(
      /^getActivation: expected name to be a non-empty string, got undefined$/,
    );
  });

  test('leaves no tensors behind', async () => {
    const x = tf.tensor([[1, 2]]);
    await expectNoLeakedTensors(() => activationNames.map((name) => getActivation(name)(x)));
    x.dispose();
  });
});
