import * as tf from '@tensorflow/tfjs-core';
import { expect, test } from 'vitest';
import { checkGradients, describeEachBackend, expectNoLeakedTensors, expectTensorsClose } from '../testing.js';
import { expectRefusedWithoutLeaks } from '../../test/refused-without-leaks.js';
import { layerFromConfig } from './layer-registry.js';
import { RepeatVector } from './repeat-vector.js';

describeEachBackend('RepeatVector', () => {
  test('[batch, d] -> [batch, n, d], every step a copy (hand values)', async () => {
    const x = tf.tensor2d([
      [1, -2],
      [3, 4.5],
    ]);
    const y = new RepeatVector({ n: 3 }).apply(x);
    try {
      await expectTensorsClose(
        y,
        [
          [
            [1, -2],
            [1, -2],
            [1, -2],
          ],
          [
            [3, 4.5],
            [3, 4.5],
            [3, 4.5],
          ],
        ],
        { rtol: 0, atol: 0 },
      );
    } finally {
      tf.dispose([x, y]);
    }
  });

  test('gradient: dy summed over the n copies (finite differences)', async () => {
    const layer = new RepeatVector({ n: 4 });
    const x = tf.tensor2d([
      [0.3, -0.1, 0.7],
      [1.2, 0.4, -0.9],
    ]);
    try {
      await checkGradients((v) => tf.square(layer.apply(v)), [x]);
    } finally {
      x.dispose();
    }
  });

  test('drops a mask that came in (every repeated step is real)', async () => {
    const x = tf.ones([2, 3]);
    const mask = tf.tensor1d([1, 0], 'bool');
    const { outputs, masks } = new RepeatVector({ n: 2 }).applyWithMask(x, { mask });
    expect(masks).toEqual([undefined]);
    tf.dispose([x, mask, ...outputs]);
  });

  test('errors; getConfig round trip; no leaks', async () => {
    expect(() => new RepeatVector({ n: 0 })).toThrow(/^RepeatVector: expected n to be a positive integer, got 0$/);
    expect(() => new RepeatVector({} as never)).toThrow(
      /^RepeatVector: expected n to be a positive integer, got undefined$/,
    );
    expect(() => new RepeatVector({ n: 2, times: 3 } as never)).toThrow(/RepeatVector: unknown key 'times'/);
    const sequence = tf.ones([2, 3, 4]);
    expectRefusedWithoutLeaks(
      () => new RepeatVector({ n: 2 }).apply(sequence),
      /^RepeatVector: expected x of rank 2 \(\[batch, features\]\), got rank 3 \(shape \[2,3,4\]\)$/,
    );
    const layer = new RepeatVector({ n: 5, name: 'again' });
    const config = layer.getConfig();
    expect(config).toEqual({ type: 'RepeatVector', name: 'again', trainable: true, n: 5 });
    expect(layerFromConfig(config).getConfig()).toEqual(config);
    const x = tf.ones([3, 2]);
    await expectNoLeakedTensors(() => layer.apply(x));
    tf.dispose([x, sequence]);
  });
});
