import * as tf from '@tensorflow/tfjs-core';
import { describeEachBackend, expectTensorsClose } from '@baihua/core/testing';
import { test } from 'vitest';
import { GlobalAvgPool1D, GlobalMaxPool1D } from '../layers/global-pool1d-layers.js';
import { globalAvgPool1d, globalMaxPool1d } from './global-pool1d.js';

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
});
