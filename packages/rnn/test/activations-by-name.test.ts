// Imports @baihua/rnn and @baihua/core only (its own process: vitest's forks pool), so no package
// registers activations: rnn's cells and layers must find every name in core's built-in registry.
import * as tf from '@tensorflow/tfjs-core';
import { Sequential, deserializeModel, gelu, predict, serializeModel, useBackend } from '@baihua/core';
import { expectTensorsClose } from '@baihua/core/testing';
import { expect, test } from 'vitest';
import { ElmanCell, SimpleRNN } from '../src/index.js';

test.each(['gelu', 'selu', 'softplus', 'swish', 'hardSigmoid'])(
  "SimpleRNN({ activation: '%s' }): built, saved and loaded back with the same output",
  async (activation) => {
    await useBackend('cpu');
    const model = new Sequential({ seed: 2, layers: [new SimpleRNN({ units: 3, activation })] });
    const x = tf.tidy(() => tf.sub(tf.mul(tf.randomUniform([2, 4, 2], 0, 1, 'float32', 6), 4), 2));
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

test("ElmanCell by name: 'gelu' is core's gelu; an unknown name names the cell or layer and suggests one", async () => {
  await useBackend('cpu');
  const weights = {
    kernel: tf.tensor2d([[1, -2]]),
    recurrentKernel: tf.zeros([2, 2]) as tf.Tensor2D,
    bias: tf.zeros([2]) as tf.Tensor1D,
  };
  const cell = new ElmanCell({ weights, activation: 'gelu' });
  expect(cell.activation).toBe(gelu);
  const x = tf.tensor2d([[0.5]]);
  const zero = cell.zeroState(1);
  const { hidden } = cell.step(x, zero);
  const cdfHalf = 0.6914624612740131;
  const cdfMinusOne = 0.15865525393145707;
  await expectTensorsClose(hidden, [[0.5 * cdfHalf, -1 * cdfMinusOne]]);
  tf.dispose([hidden, x, zero.hidden, Object.values(weights)]);
  cell.dispose();
  expect(() => new ElmanCell({ inputSize: 1, hiddenSize: 2, activation: 'gleu' })).toThrow(
    /^ElmanCell: unknown activation 'gleu' \(did you mean 'gelu'\? known: /,
  );
  // Refused when the layer is made, as tfjs-layers does, not first when it is built.
  expect(() => new SimpleRNN({ units: 3, activation: 'rleu' })).toThrow(
    /^SimpleRNN: unknown activation 'rleu' \(did you mean 'relu'\? known: /,
  );
});
