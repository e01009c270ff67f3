import * as tf from '@tensorflow/tfjs-core';
import { expect, test } from 'vitest';
import { describeEachBackend, expectNoLeakedTensors, expectTensorsClose } from '../testing.js';
import { expectRefusedWithoutLeaks } from '../../test/refused-without-leaks.js';
import { BatchNorm } from './batch-norm.js';
import { Dense } from './dense.js';
import { Dropout } from './dropout.js';
import { Flatten } from './flatten.js';
import { LayerNorm } from './layer-norm.js';
import { layerFromConfig } from './layer-registry.js';
import { Masking } from './masking.js';
import { Sequential } from './sequential.js';

// [2, 4, 2]: example 0 pads steps 1 and 3 with -1 (maskValue -1); step 2 holds one -1 only (kept).
const values = [
  [
    [1, 2],
    [-1, -1],
    [-1, 3],
    [-1, -1],
  ],
  [
    [0.5, -1],
    [4, 5],
    [-1, -1],
    [0, 0],
  ],
];
const expectedMask = [1, 0, 1, 0, 1, 1, 0, 1];

describeEachBackend('Masking', () => {
  test('mask = any(x != maskValue, last axis); y = x * mask (padded steps zeroed)', async () => {
    const layer = new Masking({ maskValue: -1 });
    const x = tf.tensor3d(values);
    const { outputs, masks } = layer.applyWithMask(x);
    try {
      expect(masks[0]?.shape).toEqual([2, 4]);
      expect(masks[0]?.dtype).toBe('bool');
      expect(Array.from(await (masks[0] as tf.Tensor).data())).toEqual(expectedMask);
      const zeroed = values.map((example, b) =>
        example.map((step, t) => (expectedMask[b * 4 + t] ? step : step.map(() => 0))),
      );
      await expectTensorsClose(outputs[0] as tf.Tensor, zeroed, { rtol: 0, atol: 0 });
      // The default maskValue is 0: example 1's last step [0, 0] is padding then.
      const byZero = new Masking().applyWithMask(x);
      expect(Array.from(await (byZero.masks[0] as tf.Tensor).data())).toEqual([1, 1, 1, 1, 1, 1, 1, 0]);
      tf.dispose([...byZero.outputs, ...(byZero.masks as tf.Tensor[])]);
    } finally {
      tf.dispose([x, ...outputs, ...(masks as tf.Tensor[])]);
    }
  });

  test('gradient: dL/dx = dy * mask (the mask gets none: tf.grad does not fail on x != maskValue)', async () => {
    const layer = new Masking({ maskValue: -1 });
    const x = tf.tensor3d(values);
    const dy = tf.tensor3d(values.map((example, b) => example.map((step, t) => step.map((_, f) => b + t - f + 0.5))));
    try {
      await expectNoLeakedTensors(async () => {
        const dx = tf.grad((input: tf.Tensor) => tf.sum(tf.mul(layer.apply(input), dy)))(x);
        const dyValues = (await dy.array()) as number[][][];
        const expected = dyValues.map((example, b) =>
          example.map((step, t) => step.map((v) => (expectedMask[b * 4 + t] ? v : 0))),
        );
        await expectTensorsClose(dx, expected, { rtol: 0, atol: 0 });
        return dx;
      });
    } finally {
      tf.dispose([x, dy]);
    }
  });

  test('the mask passes unchanged through Dense, Dropout, LayerNorm and BatchNorm in a Sequential', async () => {
    const model = new Sequential({
      seed: 3,
      layers: [
        new Masking({ maskValue: -1 }),
        new Dense({ units: 3 }),
        new Dropout({ rate: 0.5 }),
        new LayerNorm(),
        new BatchNorm(),
      ],
    });
    expect(model.layers.slice(1).every((layer) => layer.supportsMasking)).toBe(true);
    const x = tf.tensor3d(values);
    try {
      for (const training of [false, true]) {
        const { outputs, masks } = model.applyWithMask(x, { training });
        expect(outputs[0]?.shape).toEqual([2, 4, 3]);
        expect(Array.from(await (masks[0] as tf.Tensor).data())).toEqual(expectedMask);
        tf.dispose([...outputs, ...(masks as tf.Tensor[])]);
      }
      // A layer that cannot honour a mask refuses it (Flatten would mix padding into its features).
      const flat = new Sequential({ layers: [new Masking(), new Flatten()] });
      expectRefusedWithoutLeaks(() => flat.apply(x), /^Flatten\.apply: layer 'flatten_\d+' does not support masking/);
      flat.dispose();
    } finally {
      x.dispose();
      model.dispose();
    }
  });

  test('any sequence length after build; errors; getConfig round trip; no leaks', async () => {
    const layer = new Masking({ maskValue: 2.5, name: 'pad' });
    const config = layer.getConfig();
    const x = tf.ones([3, 5, 2]);
    const vector = tf.ones([4]);
    try {
      await expectNoLeakedTensors(() => layer.applyWithMask(x));
      await expectNoLeakedTensors(() => tf.tidy(() => layer.apply(tf.ones([3, 7, 2]))));
      expectRefusedWithoutLeaks(
        () => layer.apply(vector),
        /^Masking\.apply: layer 'pad' was built for x of rank 3, got \[4\]$/,
      );
      expectRefusedWithoutLeaks(
        () => new Masking().apply(vector),
        /^Masking: expected x of rank >= 2 \(\[batch, time, features\]\), got rank 1 \(shape \[4\]\)$/,
      );
      expect(() => new Masking({ maskValue: Number.NaN })).toThrow(
        /^Masking: expected maskValue to be a finite number, got NaN$/,
      );
      expect(() => new Masking({ value: 1 } as never)).toThrow(/Masking: unknown key 'value' in options/);
      expect(config).toEqual({ type: 'Masking', name: 'pad', trainable: true, maskValue: 2.5 });
      expect(layerFromConfig(config).getConfig()).toEqual(config);
    } finally {
      tf.dispose([x, vector]);
    }
  });
});
