import * as tf from '@tensorflow/tfjs-core';
import * as core from '@baihua/core';
import { describeEachBackend, expectNoLeakedTensors, expectTensorsClose } from '@baihua/core/testing';
import { expect, test } from 'vitest';

// Take the names core has before this package is loaded: importing it must add none.
const namesBefore = core.registeredActivationNames();
const activations = await import('./index.js');

describeEachBackend('the activations, re-exported from @baihua/core', () => {
  test('the same function objects as core exports and registers; importing adds no name', () => {
    const pairs = [
      ['sigmoid', activations.sigmoid, core.sigmoid],
      ['tanh', activations.tanh, core.tanh],
      ['relu', activations.relu, core.relu],
      ['leakyRelu', activations.leakyRelu, core.leakyRelu],
      ['elu', activations.elu, core.elu],
      ['softmax', activations.softmax, core.softmax],
      ['logSoftmax', activations.logSoftmax, core.logSoftmax],
      ['linear', activations.linear, core.linear],
      ['hardSigmoid', activations.hardSigmoid, core.hardSigmoid],
      ['gelu', activations.gelu, core.gelu],
      ['silu', activations.silu, core.silu],
      ['softplus', activations.softplus, core.softplus],
      ['selu', activations.selu, core.selu],
    ] as const;
    for (const [name, reexported, fromCore] of pairs) {
      expect(reexported).toBe(fromCore);
      expect(core.getActivation(name)).toBe(fromCore);
    }
    expect(activations.getActivation).toBe(core.getActivation);
    expect(activations.activationNames).toEqual(pairs.slice(0, 8).map(([name]) => name));
    for (const name of activations.activationNames) expect(namesBefore).toContain(name);
    expect(core.registeredActivationNames()).toEqual(namesBefore);
  });

  test('a looked-up activation computes with its default options', async () => {
    const x = tf.tensor([[-2, 0, 3]]);
    const byName = activations.getActivation('leakyRelu')(x);
    const eluByName = activations.getActivation('elu')(x);
    const softmaxByName = activations.getActivation('softmax')(x);
    await expectTensorsClose(byName, [[-0.02, 0, 3]]);
    await expectTensorsClose(eluByName, [[Math.expm1(-2), 0, 3]]);
    const sum = 1 + Math.exp(-3) + Math.exp(-5);
    await expectTensorsClose(softmaxByName, [[Math.exp(-5) / sum, Math.exp(-3) / sum, 1 / sum]]);
    tf.dispose([x, byName, eluByName, softmaxByName]);
  });

  test('leaves no tensors behind', async () => {
    const x = tf.tensor([[1, 2]]);
    await expectNoLeakedTensors(() => activations.activationNames.map((name) => activations.getActivation(name)(x)));
    x.dispose();
  });
});
