import * as tf from '@tensorflow/tfjs-core';
import { expect, test } from 'vitest';
import { checkGradients, describeEachBackend, expectNoLeakedTensors, expectTensorsClose } from '../testing.js';
import { expectRefusedWithoutLeaks } from '../../test/refused-without-leaks.js';
import { Add } from './add.js';
import { layerFromConfig } from './layer-registry.js';
import { Multiply } from './multiply.js';

const seq = (shape: number[], offset: number) =>
  tf.tensor(
    Array.from({ length: shape.reduce((n, s) => n * s, 1) }, (_, i) => Math.cos(1.3 * i + offset)),
    shape,
  );

describeEachBackend('Add and Multiply', () => {
  test('values: Add = a + b + c, Multiply = a * b * c (against plain tf ops)', async () => {
    const [a, b, c] = [seq([2, 3, 4], 0), seq([2, 3, 4], 1), seq([2, 3, 4], 2)];
    const results: tf.Tensor[] = [];
    try {
      const sum = new Add().apply([a, b, c]);
      const product = new Multiply().apply([a, b, c]);
      const [es, ep] = [tf.add(tf.add(a, b), c), tf.mul(tf.mul(a, b), c)];
      results.push(sum, product, es, ep);
      await expectTensorsClose(sum, es, { rtol: 1e-6, atol: 1e-7 });
      await expectTensorsClose(product, ep, { rtol: 1e-6, atol: 1e-7 });
    } finally {
      tf.dispose([a, b, c, ...results]);
    }
  });

  test('gradients (finite differences): dAdd/dx_i = 1, dMultiply/dx_i = the product of the others', async () => {
    const [a, b] = [seq([2, 3], 0), seq([2, 3], 1)];
    try {
      await checkGradients((x, y) => new Add().apply([x as tf.Tensor, y as tf.Tensor]), [a, b]);
      await checkGradients((x, y) => new Multiply().apply([x as tf.Tensor, y as tf.Tensor, x as tf.Tensor]), [a, b]);
    } finally {
      tf.dispose([a, b]);
    }
  });

  test('output mask: the AND of the masks given; none when none given', async () => {
    const x = tf.ones([1, 4, 2]);
    const m1 = tf.tensor2d([[1, 1, 0, 1]], [1, 4], 'bool');
    const m2 = tf.tensor2d([[1, 0, 0, 1]], [1, 4], 'bool');
    const made: tf.Tensor[] = [];
    try {
      for (const layer of [new Add(), new Multiply()]) {
        const both = layer.applyWithMask([x, x, x], { mask: [m1, undefined, m2] });
        const none = layer.applyWithMask([x, x]);
        made.push(...both.outputs, ...none.outputs, both.masks[0] as tf.Tensor);
        expect(Array.from(await (both.masks[0] as tf.Tensor).data())).toEqual([1, 0, 0, 1]);
        expect(none.masks).toEqual([undefined]);
      }
    } finally {
      tf.dispose([x, m1, m2, ...made]);
    }
  });

  test('errors name the inputs; at least two inputs; nothing leaked', () => {
    const a = tf.ones([2, 3]);
    const b = tf.ones([2, 4]);
    try {
      for (const [Layer, type] of [
        [Add, 'Add'],
        [Multiply, 'Multiply'],
      ] as const) {
        const layer = new Layer({ name: `m_${type}` });
        expectRefusedWithoutLeaks(
          () => layer.apply([a, a, b]),
          new RegExp(
            `^${type}\\.apply: layer 'm_${type}' expected every input of the shape of x\\[0\\] \\[2,3\\], ` +
              `got x\\[2\\] of shape \\[2,4\\]$`,
          ),
        );
        expectRefusedWithoutLeaks(
          () => layer.apply([a]),
          new RegExp(`^${type}\\.apply: layer 'm_${type}' expected a list of at least 2 inputs, got 1$`),
        );
        expectRefusedWithoutLeaks(() => layer.apply(a as never), /expected x to be a non-empty array of tensors/);
        expect(() => new Layer({ axis: 1 } as never)).toThrow(new RegExp(`^${type}: unknown key 'axis'`));
      }
    } finally {
      tf.dispose([a, b]);
    }
  });

  test('getConfig round trip; another length after build; no leaks', async () => {
    for (const layer of [new Add({ name: 'plus' }), new Multiply({ name: 'times' })]) {
      const config = layer.getConfig();
      expect(config).toEqual({ type: layer.typeName, name: layer.name, trainable: true });
      expect(layerFromConfig(config).getConfig()).toEqual(config);
      const x = tf.ones([1, 2, 3]);
      await expectNoLeakedTensors(() => layer.apply([x, x]));
      await expectNoLeakedTensors(() => tf.tidy(() => layer.apply([tf.ones([1, 5, 3]), tf.ones([1, 5, 3])])));
      x.dispose();
    }
  });
});
