import * as tf from '@tensorflow/tfjs-core';
import { Dense, Flatten, Sequential, layerFromConfig, type CallContext, Layer } from '@baihua/core';
import { describeEachBackend, expectTensorsClose } from '@baihua/core/testing';
import { expect, test } from 'vitest';
import { GlobalAvgPool1D, GlobalMaxPool1D, globalAvgPool1d, globalMaxPool1d } from '../index.js';

// x [2, 3, 2] by hand; row 0 keeps steps 0 and 2, row 1 keeps step 1 only.
const values = [
  [
    [1, -2],
    [10, 20],
    [3, 4],
  ],
  [
    [-5, 6],
    [-7, -8],
    [9, 100],
  ],
];
const mask = [
  [true, false, true],
  [false, true, false],
];
// Mean over valid steps: row 0 ((1 + 3) / 2, (-2 + 4) / 2) = (2, 1); row 1 (-7, -8).
const maskedMean = [
  [2, 1],
  [-7, -8],
];
// Max over valid steps: row 0 (3, 4); row 1 (-7, -8) (the larger padded values are ignored).
const maskedMax = [
  [3, 4],
  [-7, -8],
];
const exact = { rtol: 0, atol: 0 };

/** Marks steps whose features are all zero as padding, as Masking({ maskValue: 0 }) does. */
class ZeroStepMaskForPoolTest extends Layer {
  constructor() {
    super({}, 'ZeroStepMaskForPoolTest', []);
  }
  protected override call(x: tf.Tensor, _context: CallContext): tf.Tensor {
    return tf.clone(x);
  }
  protected override computeMask(x: tf.Tensor): tf.Tensor {
    return tf.any(tf.notEqual(x, 0), -1);
  }
}

describeEachBackend('global pooling over time with masks (Keras GlobalAveragePooling1D, GlobalMaxPooling1D)', () => {
  test('values against hand computation: mean and max over the valid steps; all steps without a mask', async () => {
    const x = tf.tensor3d(values);
    const m = tf.tensor2d(mask);
    const avg = new GlobalAvgPool1D();
    const max = new GlobalMaxPool1D({ keepDims: true });
    const outputs = [avg.apply(x, { mask: m }), max.apply(x, { mask: m }), avg.apply(x), max.apply(x)];
    await expectTensorsClose(outputs[0] as tf.Tensor, maskedMean, { rtol: 1e-6, atol: 1e-6 });
    await expectTensorsClose(outputs[1] as tf.Tensor, { shape: [2, 1, 2], data: maskedMax.flat() }, exact);
    await expectTensorsClose(
      outputs[2] as tf.Tensor,
      [
        [14 / 3, 22 / 3],
        [-1, 98 / 3],
      ],
      { rtol: 1e-6, atol: 1e-6 },
    );
    await expectTensorsClose(outputs[3] as tf.Tensor, { shape: [2, 1, 2], data: [10, 20, 9, 100] }, exact);
    // A float 0/1 mask is the same mask; a row with no valid step gives 0.
    const none = tf.tensor2d([
      [1, 0, 1],
      [0, 0, 0],
    ]);
    const empty = [globalAvgPool1d(x, { mask: none }), globalMaxPool1d(x, { mask: none })];
    await expectTensorsClose(
      empty[0] as tf.Tensor,
      [
        [2, 1],
        [0, 0],
      ],
      { rtol: 1e-6, atol: 1e-6 },
    );
    await expectTensorsClose(
      empty[1] as tf.Tensor,
      [
        [3, 4],
        [0, 0],
      ],
      exact,
    );
    tf.dispose([x, m, none, ...outputs, ...empty]);
  });

  test('gradients: 1/count at each valid step for the mean, 1 at the valid maximum; padding gets 0', async () => {
    const x = tf.tensor3d(values);
    const m = tf.tensor2d(mask);
    const [dAvg] = tf.grads((v: tf.Tensor) => tf.sum(globalAvgPool1d(v, { mask: m })))([x]);
    const [dMax] = tf.grads((v: tf.Tensor) => tf.sum(globalMaxPool1d(v, { mask: m })))([x]);
    const half = [0.5, 0.5];
    await expectTensorsClose(
      dAvg as tf.Tensor,
      [
        [half, [0, 0], half],
        [
          [0, 0],
          [1, 1],
          [0, 0],
        ],
      ],
      exact,
    );
    await expectTensorsClose(
      dMax as tf.Tensor,
      [
        [
          [0, 0],
          [0, 0],
          [1, 1],
        ],
        [
          [0, 0],
          [1, 1],
          [0, 0],
        ],
      ],
      exact,
    );
    tf.dispose([x, m, dAvg as tf.Tensor, dMax as tf.Tensor]);
  });

  test('in a Sequential the mask from a masking layer reaches the pool, which ends it', async () => {
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
      layers: [new ZeroStepMaskForPoolTest(), new GlobalAvgPool1D(), new Dense({ units: 1 })],
    });
    const { outputs, masks } = model.applyWithMask(x);
    expect(masks).toEqual([undefined]);
    const pooled = new Sequential({ layers: [new ZeroStepMaskForPoolTest(), new GlobalMaxPool1D()] }).apply(x);
    await expectTensorsClose(
      pooled,
      [
        [1, 2],
        [5, 1],
      ],
      exact,
    );
    // The same pool behind a layer that ignores masks would be refused: the mask really flows.
    const refused = new Sequential({ layers: [new ZeroStepMaskForPoolTest(), new Flatten()] });
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
