import * as tf from '@tensorflow/tfjs-core';
import { expect, test } from 'vitest';
import { checkGradients, describeEachBackend, expectNoLeakedTensors, expectTensorsClose } from '../testing.js';
import { expectRefusedWithoutLeaks } from '../../test/refused-without-leaks.js';
import { layerFromConfig } from './layer-registry.js';
import { Reshape } from './reshape.js';

describeEachBackend('Reshape', () => {
  test('each example reshaped in row-major order; one -1 inferred (against tf.reshape)', async () => {
    const x = tf.tensor(
      Array.from({ length: 24 }, (_, i) => i - 5),
      [2, 12],
    );
    const fixed = new Reshape({ targetShape: [3, 4] }).apply(x);
    const inferred = new Reshape({ targetShape: [2, -1, 3] }).apply(x);
    const expected = tf.reshape(x, [2, 2, 2, 3]);
    try {
      expect(inferred.shape).toEqual([2, 2, 2, 3]);
      await expectTensorsClose(fixed, tf.reshape(x, [2, 3, 4]), { rtol: 0, atol: 0 });
      await expectTensorsClose(inferred, expected, { rtol: 0, atol: 0 });
    } finally {
      tf.dispose([x, fixed, inferred, expected]);
    }
  });

  test('gradient: dy reshaped back (finite differences)', async () => {
    const layer = new Reshape({ targetShape: [-1] });
    const x = tf.tensor3d([
      [
        [0.1, 0.2],
        [-0.3, 0.4],
      ],
    ]);
    try {
      await checkGradients((v) => tf.square(layer.apply(v)), [x]);
    } finally {
      x.dispose();
    }
  });

  test('refuses a masked input, a count that cannot match, bad targetShape; nothing leaked', () => {
    const x = tf.ones([2, 6]);
    const mask = tf.ones([2], 'bool');
    const odd = tf.ones([2, 5]);
    const layer = new Reshape({ targetShape: [4, -1], name: 'box' });
    try {
      expectRefusedWithoutLeaks(
        () => layer.apply(x),
        /^Reshape\.apply: layer 'box' cannot reshape x of shape \[2,6\] \(6 values per example\) to \[batch,4,-1\]$/,
      );
      const ok = new Reshape({ targetShape: [3, 2] });
      expectRefusedWithoutLeaks(
        () => ok.apply(x, { mask }),
        /^Reshape\.apply: layer 'reshape_\d+' does not support masking, but its input carries a mask/,
      );
      expectRefusedWithoutLeaks(() => ok.apply(odd), /cannot reshape x of shape \[2,5\]/);
      for (const bad of [[], [2, -1, -1], [0, 3], [1.5], 'x']) {
        expect(() => new Reshape({ targetShape: bad as never })).toThrow(
          /^Reshape: expected targetShape to be a non-empty array of positive integers with at most one -1/,
        );
      }
    } finally {
      tf.dispose([x, mask, odd]);
    }
  });

  test('getConfig round trip; any input that fits after build; no leaks', async () => {
    const layer = new Reshape({ targetShape: [-1, 2], name: 'pairs' });
    const config = layer.getConfig();
    expect(config).toEqual({ type: 'Reshape', name: 'pairs', trainable: true, targetShape: [-1, 2] });
    expect(layerFromConfig(config).getConfig()).toEqual(config);
    const x = tf.ones([2, 6]);
    await expectNoLeakedTensors(() => layer.apply(x));
    const longer = tf.ones([2, 3, 4]);
    const y = layer.apply(longer);
    expect(y.shape).toEqual([2, 6, 2]);
    tf.dispose([x, longer, y]);
  });
});
