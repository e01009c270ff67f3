// Whole error messages and small rules of the layer kinds that the other tests check only in part:
// each message names the function, the argument and what came; Masking takes rank 2; a -1 beside a
// size of 1 in Reshape; Concatenate along time with no mask gives none; masks that come in are ANDed.
import * as tf from '@tensorflow/tfjs-core';
import { expect, test } from 'vitest';
import { expectRefusedWithoutLeaks } from '../../test/refused-without-leaks.js';
import { describeEachBackend } from '../testing.js';
import { Attention } from './attention/attention.js';
import { Concatenate } from './concatenate.js';
import { Embedding } from './embedding.js';
import { GroupNorm } from './group-norm.js';
import { LayerNorm } from './layer-norm.js';
import { Masking } from './masking.js';
import { Reshape } from './reshape.js';

describeEachBackend('layer kinds: whole messages and small rules', () => {
  test('option errors name the layer and the option', () => {
    expect(() => new Embedding({ inputDim: 3, outputDim: 0 })).toThrow(
      /^Embedding: expected outputDim to be a positive integer, got 0$/,
    );
    expect(() => new GroupNorm({ groups: 2, epsilon: 0 })).toThrow(/^GroupNorm: expected epsilon > 0, got 0$/);
    expect(() => new Reshape({ targetShape: [0] })).toThrow(
      new RegExp(
        '^Reshape: expected targetShape to be a non-empty array of positive integers with at most one -1 ' +
          '\\(without the batch\\), got \\[0\\]$',
      ),
    );
  });

  test('input errors: LayerNorm rank 1, attention query or key of rank 2', () => {
    const [vector, q, v, flat] = [tf.ones([4]), tf.ones([2, 3, 4]), tf.ones([2, 5, 4]), tf.ones([2, 4])];
    try {
      expectRefusedWithoutLeaks(
        () => new LayerNorm().apply(vector),
        /^LayerNorm: expected input of rank >= 2 \(\[batch, \.\.\., features\]\), got rank 1 \(shape \[4\]\)$/,
        5,
      );
      const attention = new Attention();
      expectRefusedWithoutLeaks(() => attention.apply([flat, v]), /^Attention\.apply: expected query of rank 3 /, 5);
      expectRefusedWithoutLeaks(() => attention.apply([q, v, flat]), /^Attention\.apply: expected key of rank 3 /, 5);
    } finally {
      tf.dispose([vector, q, v, flat]);
    }
  });

  test('Masking on rank 2 ([batch, features]): one mask value per example', async () => {
    const x = tf.tensor2d([0, 0, 1, 0], [2, 2]);
    const { outputs, masks } = new Masking().applyWithMask(x);
    expect(Array.from(await (masks[0] as tf.Tensor).data())).toEqual([0, 1]);
    expect(Array.from(await (outputs[0] as tf.Tensor).data())).toEqual([0, 0, 1, 0]);
    tf.dispose([x, ...outputs, ...(masks as tf.Tensor[])]);
  });

  test('Masking ANDs a mask that came in', async () => {
    const x = tf.tensor3d([1, 0, 0, 0, 3, 4], [1, 3, 2]); // step 1 is padding;
    const given = tf.tensor2d([1, 1, 0], [1, 3], 'bool');
    const { outputs, masks } = new Masking().applyWithMask(x, { mask: given });
    expect(Array.from(await (masks[0] as tf.Tensor).data())).toEqual([1, 0, 0]);
    tf.dispose([x, given, ...outputs, ...(masks as tf.Tensor[])]);
  });

  test('Reshape: a size of 1 beside -1 stays 1', () => {
    const x = tf.ones([2, 6]);
    const y = new Reshape({ targetShape: [1, -1] }).apply(x);
    expect(y.shape).toEqual([2, 1, 6]);
    tf.dispose([x, y]);
  });

  test('Concatenate along time: no masks in, none out; a mask of lower rank is refused', () => {
    const [a, c] = [tf.ones([2, 3, 2]), tf.ones([2, 2, 2])];
    const short = tf.ones([2], 'bool');
    const time = new Concatenate({ axis: 1, name: 'steps' });
    try {
      const { outputs, masks } = time.applyWithMask([a, c]);
      expect(masks).toEqual([undefined]);
      tf.dispose(outputs);
      expectRefusedWithoutLeaks(
        () => time.applyWithMask([a, c], { mask: [short, undefined] }),
        new RegExp(
          "^Concatenate\\.apply: layer 'steps' expected mask 0 of shape \\[2,3\\] " +
            '\\(x\\[0\\] without its last axis\\), got \\[2\\]$',
        ),
        5,
      );
    } finally {
      tf.dispose([a, c, short]);
    }
  });
});
