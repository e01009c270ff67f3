import * as tf from '@tensorflow/tfjs-core';
import { Dense, Flatten, Masking, Sequential, layerFromConfig } from '@baihua/core';
import { describeEachBackend, expectTensorsClose } from '@baihua/core/testing';
import { expect, test } from 'vitest';
import { GlobalAvgPool1D, GlobalMaxPool1D, globalMaxPool1d } from '../index.js';

const exact = { rtol: 0, atol: 0 };

describeEachBackend('GlobalAvgPool1D and GlobalMaxPool1D layers with masks', () => {
  test('in a Sequential the mask from Masking reaches the pool, which ends it', async () => {
    const x = tf.tensor3d([
      [
        [1, 2],
        [0, 0],
      ],
      [
        [3, -1],
        [5, 1],
      ],
    ]);
    const model = new Sequential({
      seed: 1,
      layers: [new Masking({ maskValue: 0 }), new GlobalAvgPool1D(), new Dense({ units: 1 })],
    });
    const { outputs, masks } = model.applyWithMask(x);
    expect(masks).toEqual([undefined]);
    const pooled = new Sequential({ layers: [new Masking({ maskValue: 0 }), new GlobalMaxPool1D()] }).apply(x);
    await expectTensorsClose(
      pooled,
      [
        [1, 2],
        [5, 1],
      ],
      exact,
    );
    // The same pool behind a layer that ignores masks would be refused: the mask really flows.
    const refused = new Sequential({ layers: [new Masking({ maskValue: 0 }), new Flatten()] });
    expect(() => refused.apply(x)).toThrow(/Flatten.apply: .*does not support masking/);
    tf.dispose([x, ...outputs, pooled]);
    model.dispose();
  });

  test('saved and rebuilt by type name; bad inputs refused in the form fn: expected X, got Y; nothing leaks', () => {
    for (const layer of [new GlobalAvgPool1D({ keepDims: true, name: 'p' }), new GlobalMaxPool1D()]) {
      const rebuilt = layerFromConfig(layer.getConfig());
      expect(rebuilt).toBeInstanceOf(layer.constructor);
      expect(rebuilt.getConfig()).toEqual(layer.getConfig());
    }
    const x = tf.ones([2, 3, 2]);
    const wrong = tf.ones([2, 4]);
    const flat = tf.ones([2, 3]);
    const before = tf.memory().numTensors;
    for (let i = 0; i < 3; i++) {
      expect(() => new GlobalAvgPool1D().apply(x, { mask: wrong })).toThrow(
        /^globalAvgPool1d: expected options.mask of shape \[2,3\], got shape \[2,4\]/,
      );
      expect(() => globalMaxPool1d(flat)).toThrow(/^globalMaxPool1d: expected input of rank 3, got rank 2/);
      expect(() => globalMaxPool1d(x, { masks: wrong } as never)).toThrow(
        /^globalMaxPool1d: unknown key 'masks' in options \(did you mean 'mask'\?/,
      );
    }
    expect(tf.memory().numTensors).toBe(before);
    expect(() => new GlobalMaxPool1D({ keepdims: true } as never)).toThrow(/^GlobalMaxPool1D: unknown key 'keepdims'/);
    tf.dispose([x, wrong, flat]);
  });
});
