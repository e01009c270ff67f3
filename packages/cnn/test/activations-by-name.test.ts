// Imports @baihua/cnn and @baihua/core only (its own process: vitest's forks pool), so no package
// registers activations: cnn's layers must find every name in core's built-in registry.
import * as tf from '@tensorflow/tfjs-core';
import { Sequential, deserializeModel, predict, serializeModel, useBackend } from '@baihua/core';
import { expectTensorsClose } from '@baihua/core/testing';
import { expect, test } from 'vitest';
import { Conv2D, ConvBlock, SeparableConv2D } from '../src/index.js';

test.each(['gelu', 'hardSigmoid', 'selu', 'swish', 'leakyRelu'])(
  "conv layers with activation '%s': built, saved and loaded back with the same output",
  async (activation) => {
    await useBackend('cpu');
    const model = new Sequential({
      seed: 4,
      layers: [
        new Conv2D({ filters: 2, kernelSize: 3, padding: 'same', activation }),
        new SeparableConv2D({ filters: 2, kernelSize: 3, activation }),
        new ConvBlock({ filters: 2, kernelSize: 1, activation }),
      ],
    });
    const x = tf.tidy(() => tf.sub(tf.mul(tf.randomUniform([2, 5, 5, 1], 0, 1, 'float32', 3), 6), 3));
    const y = predict(model, x);
    const loaded = await deserializeModel(await serializeModel(model));
    const again = predict(loaded, x);
    try {
      expect(JSON.stringify(model.getConfig())).toContain(`"activation":"${activation}"`);
      await expectTensorsClose(again, { shape: y.shape, data: Array.from(await y.data()) }, { atol: 0, rtol: 0 });
    } finally {
      tf.dispose([x, y, again]);
      model.dispose();
      loaded.dispose();
    }
  },
);

test('an unknown activation names the layer and suggests the closest name', () => {
  expect(() => new Conv2D({ filters: 2, kernelSize: 3, activation: 'sleu' })).toThrow(
    /^Conv2D: unknown activation 'sleu' \(did you mean 'selu'\? known: /,
  );
});
