import * as tf from '@tensorflow/tfjs-core';
import { expect, test } from 'vitest';
import { checkGradients, describeEachBackend, expectNoLeakedTensors, expectTensorsClose } from '../testing.js';
import { expectRefusedWithoutLeaks } from '../../test/refused-without-leaks.js';
import { Concatenate } from './concatenate.js';
import { layerFromConfig } from './layer-registry.js';

const seq = (shape: number[], offset: number) =>
  tf.tensor(
    Array.from({ length: shape.reduce((n, s) => n * s, 1) }, (_, i) => Math.sin(i + offset)),
    shape,
  );

describeEachBackend('Concatenate', () => {
  test('values equal tf.concat on the last axis (default) and on the time axis; one input is copied', async () => {
    const a = seq([2, 3, 2], 0);
    const b = seq([2, 3, 4], 1);
    const c = seq([2, 5, 2], 2);
    const outputs: tf.Tensor[] = [];
    try {
      const features = new Concatenate().apply([a, b]);
      const time = new Concatenate({ axis: 1 }).apply([a, c]);
      const single = new Concatenate().apply([a]);
      outputs.push(features, time, single);
      expect(features.shape).toEqual([2, 3, 6]);
      expect(time.shape).toEqual([2, 8, 2]);
      const [e1, e2] = [tf.concat([a, b], 2), tf.concat([a, c], 1)];
      outputs.push(e1, e2);
      await expectTensorsClose(features, e1, { rtol: 0, atol: 0 });
      await expectTensorsClose(time, e2, { rtol: 0, atol: 0 });
      await expectTensorsClose(single, a, { rtol: 0, atol: 0 });
    } finally {
      tf.dispose([a, b, c, ...outputs]);
    }
  });

  test('rank 5 (volumes, joined as rank-3 views): values equal tf.concat on the channel and middle axes', async () => {
    const a = seq([2, 3, 2, 2, 3], 0);
    const b = seq([2, 3, 2, 2, 1], 1);
    const c = seq([2, 3, 4, 2, 3], 2);
    const outputs: tf.Tensor[] = [];
    try {
      const channels = await expectNoLeakedTensors(() => new Concatenate().apply([a, b]));
      const [joined, middle] = [new Concatenate().apply([a, b, a]), new Concatenate({ axis: 2 }).apply([a, c])];
      const [e1, e2] = [tf.concat([a, b, a], 4), tf.concat([a, c], 2)];
      outputs.push(joined, middle, e1, e2);
      expect(channels.isDisposed).toBe(true);
      expect(joined.shape).toEqual([2, 3, 2, 2, 7]);
      expect(middle.shape).toEqual([2, 3, 6, 2, 3]);
      await expectTensorsClose(joined, e1, { rtol: 0, atol: 0 });
      await expectTensorsClose(middle, e2, { rtol: 0, atol: 0 });
    } finally {
      tf.dispose([a, b, c, ...outputs]);
    }
  });

  test('rank 5: gradients reach every input (finite differences)', async () => {
    const layer = new Concatenate();
    const a = seq([1, 2, 1, 2, 2], 0);
    const b = seq([1, 2, 1, 2, 1], 3);
    try {
      await checkGradients((x, y) => tf.square(layer.apply([x as tf.Tensor, y as tf.Tensor])), [a, b]);
    } finally {
      tf.dispose([a, b]);
    }
  });

  test('gradients reach every input (finite differences)', async () => {
    const layer = new Concatenate({ axis: -2 });
    const a = seq([2, 2, 3], 0);
    const b = seq([2, 1, 3], 3);
    try {
      await checkGradients((x, y) => tf.square(layer.apply([x as tf.Tensor, y as tf.Tensor])), [a, b]);
    } finally {
      tf.dispose([a, b]);
    }
  });

  test('masks: the AND when joining features; joined along time (no mask: all real); none without masks', async () => {
    const a = tf.ones([2, 3, 2]);
    const b = tf.ones([2, 3, 4]);
    const c = tf.ones([2, 2, 2]);
    const maskA = tf.tensor2d(
      [
        [1, 1, 0],
        [1, 0, 0],
      ],
      [2, 3],
      'bool',
    );
    const maskB = tf.tensor2d(
      [
        [1, 0, 1],
        [1, 1, 0],
      ],
      [2, 3],
      'bool',
    );
    const results: tf.Tensor[] = [];
    const read = async (out: { outputs: tf.Tensor[]; masks: (tf.Tensor | undefined)[] }) => {
      results.push(...out.outputs, ...(out.masks.filter((m) => m) as tf.Tensor[]));
      return out.masks[0] === undefined ? undefined : Array.from(await out.masks[0].data());
    };
    try {
      const features = new Concatenate();
      expect(await read(features.applyWithMask([a, b], { mask: [maskA, maskB] }))).toEqual([1, 0, 0, 1, 0, 0]);
      expect(await read(features.applyWithMask([a, b], { mask: [undefined, maskB] }))).toEqual([1, 0, 1, 1, 1, 0]);
      expect(await read(features.applyWithMask([a, b]))).toBeUndefined();
      const time = new Concatenate({ axis: 1 });
      expect(await read(time.applyWithMask([a, c], { mask: [maskA, undefined] }))).toEqual([
        1, 1, 0, 1, 1, 1, 0, 0, 1, 1,
      ]);
      const wrong = tf.ones([2, 4], 'bool');
      results.push(wrong);
      expectRefusedWithoutLeaks(
        () => time.applyWithMask([a, c], { mask: [wrong, undefined] }),
        new RegExp(
          "^Concatenate\\.apply: layer 'concatenate_\\d+' expected mask 0 of shape \\[2,3\\] " +
            '\\(x\\[0\\] without its last axis\\), got \\[2,4\\]$',
        ),
      );
    } finally {
      tf.dispose([a, b, c, maskA, maskB, ...results]);
    }
  });

  test('shape errors name the inputs; options checked; nothing leaked', () => {
    const a = tf.ones([2, 3, 2]);
    const b = tf.ones([2, 4, 2]);
    const layer = new Concatenate({ name: 'join' });
    try {
      expectRefusedWithoutLeaks(
        () => layer.apply([a, b]),
        new RegExp(
          "^Concatenate\\.apply: layer 'join' expected every input to match x\\[0\\] \\[2,3,2\\] except on axis 2, " +
            'got x\\[1\\] of shape \\[2,4,2\\]$',
        ),
      );
      expectRefusedWithoutLeaks(
        () => layer.apply(a as never),
        /Concatenate\.apply: expected x to be a non-empty array/,
      );
      expectRefusedWithoutLeaks(
        () => new Concatenate({ axis: 3 }).apply([a, a]),
        /^Concatenate\.apply: layer 'concatenate_\d+' has axis 3, which is not a non-batch axis of inputs of rank 3$/,
      );
      expect(() => new Concatenate({ axis: 0 })).toThrow(
        /^Concatenate: expected axis to be a non-zero integer \(axis 0 is the batch\), got 0$/,
      );
      expect(() => new Concatenate({ axis: 1.5 })).toThrow(/expected axis to be a non-zero integer/);
      expect(() => new Concatenate({ axes: 1 } as never)).toThrow(/Concatenate: unknown key 'axes'/);
    } finally {
      tf.dispose([a, b]);
      layer.dispose();
    }
  });

  test('getConfig round trip; another length after build; no leaks', async () => {
    const layer = new Concatenate({ axis: 1, name: 'cat' });
    const config = layer.getConfig();
    expect(config).toEqual({ type: 'Concatenate', name: 'cat', trainable: true, axis: 1 });
    expect(layerFromConfig(config).getConfig()).toEqual(config);
    const x = tf.ones([1, 2, 3]);
    await expectNoLeakedTensors(() => layer.apply([x, x]));
    await expectNoLeakedTensors(() => tf.tidy(() => layer.apply([tf.ones([1, 5, 3]), x])));
    x.dispose();
  });
});
