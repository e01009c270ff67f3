// The attention checks one condition at a time (each refusal with one fact wrong, the others
// right), so that no part of an `||` is left untested: the width check after build for D alone
// and for Dv alone, and the mask check for a wrong rank or step count alone.
import * as tf from '@tensorflow/tfjs-core';
import { expect, test } from 'vitest';
import { expectRefusedWithoutLeaks } from '../../../test/refused-without-leaks.js';
import { describeEachBackend } from '../../testing.js';
import { AdditiveAttention } from './additive-attention.js';
import { Attention } from './attention.js';

describeEachBackend('attention checks, one wrong fact at a time', () => {
  test('after build: another D alone, or another Dv alone, is refused', () => {
    for (const layer of [new Attention({ name: 'dot' }), new AdditiveAttention({ name: 'add', seed: 3 })]) {
      const built = [tf.ones([2, 3, 4]), tf.ones([2, 5, 6]), tf.ones([2, 5, 4])];
      const wideKey = [tf.ones([2, 3, 7]), tf.ones([2, 5, 6]), tf.ones([2, 5, 7])];
      const wideValue = [tf.ones([2, 3, 4]), tf.ones([2, 5, 2]), tf.ones([2, 5, 4])];
      try {
        tf.dispose(layer.apply(built));
        const fn = `${layer.typeName}\\.apply`;
        expectRefusedWithoutLeaks(
          () => layer.apply(wideKey),
          new RegExp(
            `^${fn}: layer '${layer.name}' was built for query/key width D = 4 and value width Dv = 6, ` +
              'got D = 7 and Dv = 6$',
          ),
          5,
        );
        expectRefusedWithoutLeaks(
          () => layer.apply(wideValue),
          /was built for query\/key width D = 4 and value width Dv = 6, got D = 4 and Dv = 2$/,
          5,
        );
      } finally {
        tf.dispose([...built, ...wideKey, ...wideValue]);
        layer.dispose();
      }
    }
  });

  test('a mask of rank 3 or of another step count is refused (another batch: Layer refuses it first)', () => {
    const layer = new Attention({ name: 'masked' });
    const [q, v] = [tf.ones([2, 3, 4]), tf.ones([2, 5, 4])];
    const masks = {
      rank: tf.ones([2, 5, 1], 'bool'),
      steps: tf.ones([2, 4], 'bool'),
      query: tf.ones([2, 3], 'bool'),
      value: tf.ones([2, 5], 'bool'),
    };
    try {
      tf.dispose(layer.apply([q, v]));
      for (const [wrong, shape] of [
        [masks.rank, '\\[2,5,1\\]'],
        [masks.steps, '\\[2,4\\]'],
      ] as const)
        expectRefusedWithoutLeaks(
          () => layer.apply([q, v], { mask: [masks.query, wrong] }),
          new RegExp(
            '^Attention\\.apply: expected the value mask of shape \\[2,5\\] ' +
              `\\(\\[batch, time\\] of the value\\), got ${shape}$`,
          ),
          5,
        );
      const right = layer.applyWithMask([q, v], { mask: [masks.query, masks.value] });
      expect(right.outputs[0]?.shape).toEqual([2, 3, 4]);
      tf.dispose([...right.outputs, ...(right.masks as tf.Tensor[])]);
    } finally {
      tf.dispose([q, v, ...Object.values(masks)]);
      layer.dispose();
    }
  });
});
