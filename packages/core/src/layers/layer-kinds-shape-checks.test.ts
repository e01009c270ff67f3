// Shape and mask checks of the layer kinds one condition at a time (the other facts right), so that
// no part of an `||` goes untested: an input of lower rank whose sizes are a prefix of x[0]'s, a
// negative axis that lands on the batch, a rank-1 input after build, and a mask that comes in.
import * as tf from '@tensorflow/tfjs-core';
import { expect, test } from 'vitest';
import { expectRefusedWithoutLeaks } from '../../test/refused-without-leaks.js';
import { describeEachBackend } from '../testing.js';
import { Add } from './add.js';
import { Concatenate } from './concatenate.js';
import { Dense } from './dense.js';
import { Embedding } from './embedding.js';
import { GroupNorm } from './group-norm.js';
import { Multiply } from './multiply.js';

describeEachBackend('layer kinds: one wrong fact at a time', () => {
  test('Add, Multiply and Concatenate refuse an input of lower rank that matches x[0] as far as it goes', () => {
    const [a, short] = [tf.ones([2, 3, 2]), tf.ones([2, 3])];
    try {
      for (const layer of [new Add({ name: 'plus' }), new Multiply({ name: 'times' })])
        expectRefusedWithoutLeaks(
          () => layer.apply([a, short]),
          new RegExp(
            `^${layer.typeName}\\.apply: layer '${layer.name}' expected every input of the shape of x\\[0\\] ` +
              '\\[2,3,2\\], got x\\[1\\] of shape \\[2,3\\]$',
          ),
          5,
        );
      expectRefusedWithoutLeaks(
        () => new Concatenate({ axis: 1, name: 'join' }).apply([a, short]),
        new RegExp(
          "^Concatenate\\.apply: layer 'join' expected every input to match x\\[0\\] \\[2,3,2\\] except on axis 1, " +
            'got x\\[1\\] of shape \\[2,3\\]$',
        ),
        5,
      );
    } finally {
      tf.dispose([a, short]);
    }
  });

  test('Concatenate: a negative axis that counts back to the batch is refused; -2 joins axis 1', async () => {
    const [a, b] = [tf.ones([2, 3, 2]), tf.zeros([2, 1, 2])];
    try {
      expectRefusedWithoutLeaks(
        () => new Concatenate({ axis: -3, name: 'back' }).apply([a, b]),
        /^Concatenate\.apply: layer 'back' has axis -3, which is not a non-batch axis of inputs of rank 3$/,
        5,
      );
      const joined = new Concatenate({ axis: -2 }).apply([a, b]);
      expect(joined.shape).toEqual([2, 4, 2]);
      expect(Array.from(await joined.data())).toEqual([1, 1, 1, 1, 1, 1, 0, 0, 1, 1, 1, 1, 1, 1, 0, 0]);
      joined.dispose();
    } finally {
      tf.dispose([a, b]);
    }
  });

  test('Dense refuses a rank-1 input after build, even of the right size; GroupNorm a rank-1 input', () => {
    const dense = new Dense({ units: 2, seed: 1, name: 'fc' });
    const [x, vector] = [tf.ones([1, 4]), tf.ones([4])];
    try {
      dense.apply(x).dispose();
      expectRefusedWithoutLeaks(
        () => dense.apply(vector),
        /^Dense\.apply: layer 'fc' expected input of shape \[batch, \.\.\., 4\], got \[4\]$/,
        5,
      );
      expectRefusedWithoutLeaks(
        () => new GroupNorm({ groups: 1 }).apply(vector),
        /^GroupNorm: expected input of rank >= 2 \(\[batch, \.\.\., channels\]\), got rank 1 \(shape \[4\]\)$/,
        5,
      );
    } finally {
      tf.dispose([x, vector]);
      dense.dispose();
    }
  });

  test('Embedding with maskZero ANDs a mask that came in with ids != 0', async () => {
    const layer = new Embedding({ inputDim: 4, outputDim: 2, maskZero: true, seed: 2 });
    const ids = tf.tensor2d([1, 0, 3, 2, 2, 0], [2, 3], 'int32');
    const given = tf.tensor2d([1, 1, 0, 0, 1, 1], [2, 3], 'bool');
    try {
      const { outputs, masks } = layer.applyWithMask(ids, { mask: given });
      expect(masks[0]?.dtype).toBe('bool');
      expect(Array.from(await (masks[0] as tf.Tensor).data())).toEqual([1, 0, 0, 0, 1, 0]);
      tf.dispose([...outputs, ...(masks as tf.Tensor[])]);
    } finally {
      tf.dispose([ids, given]);
      layer.dispose();
    }
  });
});
