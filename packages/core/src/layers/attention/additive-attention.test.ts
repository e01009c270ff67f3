import * as tf from '@tensorflow/tfjs-core';
import { expect, test } from 'vitest';
import { describeEachBackend, expectTensorsClose } from '../../testing.js';
import { AdditiveAttention } from './additive-attention.js';

describeEachBackend('AdditiveAttention', () => {
  test('defaults: useScale true, a scale vector [D] from glorotUniform and the seed', async () => {
    const layer = new AdditiveAttention({ seed: 5 });
    expect([layer.useScale, layer.causal, layer.returnScores, layer.dropout]).toEqual([true, false, false, 0]);
    const [q, v] = [tf.ones([2, 3, 6]), tf.ones([2, 4, 6])];
    tf.dispose(layer.apply([q, v]));
    const scale = layer.weight('scale');
    expect(scale.shape).toEqual([6]);
    const values = Array.from(await scale.read().data());
    const limit = Math.sqrt(6 / (6 + 6)); // fans of a vector [D]: D in, D out
    expect(values.every((s) => Math.abs(s) <= limit)).toBe(true);
    expect(new Set(values).size).toBe(6);
    const again = new AdditiveAttention({ seed: 5 });
    tf.dispose(again.apply([q, v]));
    expect(Array.from(await again.weight('scale').read().data())).toEqual(values);
    tf.dispose([q, v]);
    layer.dispose();
    again.dispose();
  });

  test('logits[b,i,j] = sum_d scale[d] tanh(q[b,i,d] + k[b,j,d]); all ones without useScale', async () => {
    const q = tf.tensor3d([
      [
        [0.5, -1],
        [2, 0],
      ],
    ]); // [1, 2, 2]
    const v = tf.tensor3d([
      [
        [1, 0],
        [0, 1],
        [-1, 1],
      ],
    ]); // [1, 3, 2]
    const logitsWith = (scale: number[]) => {
      const rows = [
        [0.5, -1],
        [2, 0],
      ].map(([a, b]) =>
        [
          [1, 0],
          [0, 1],
          [-1, 1],
        ].map(
          ([c, d]) =>
            (scale[0] as number) * Math.tanh((a as number) + (c as number)) +
            (scale[1] as number) * Math.tanh((b as number) + (d as number)),
        ),
      );
      return tf.softmax(tf.tensor3d([rows]));
    };
    const plain = new AdditiveAttention({ useScale: false, returnScores: true });
    const [, plainScores] = plain.applyMulti([q, v]) as [tf.Tensor, tf.Tensor];
    expect(plain.weights()).toEqual([]);
    const expectedPlain = logitsWith([1, 1]);
    await expectTensorsClose(plainScores, expectedPlain);
    const scaled = new AdditiveAttention({ returnScores: true, seed: 1 });
    tf.dispose(scaled.applyMulti([q, v]));
    const scale = tf.tensor1d([2, -0.5]);
    scaled.weight('scale').assign(scale);
    const [y, scores] = scaled.applyMulti([q, v]) as [tf.Tensor, tf.Tensor];
    const expectedScores = logitsWith([2, -0.5]);
    await expectTensorsClose(scores, expectedScores);
    const expectedY = tf.matMul(expectedScores, v);
    await expectTensorsClose(y, expectedY);
    tf.dispose([q, v, plainScores, expectedPlain, scale, y, scores, expectedScores, expectedY]);
    scaled.dispose();
  });
});
