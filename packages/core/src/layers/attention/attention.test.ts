import * as tf from '@tensorflow/tfjs-core';
import { expect, test } from 'vitest';
import { describeEachBackend, expectTensorsClose } from '../../testing.js';
import { input } from '../../graph/input.js';
import { layerFromConfig, registeredLayerTypes } from '../layer-registry.js';
import { AdditiveAttention } from './additive-attention.js';
import { Attention } from './attention.js';

const query = () =>
  tf.tensor3d([
    [
      [1, 0],
      [0, 2],
      [1, 1],
    ],
  ]); // [1, 3, 2]
const value = () =>
  tf.tensor3d([
    [
      [1, 2],
      [3, -1],
      [0, 1],
      [2, 2],
    ],
  ]); // [1, 4, 2]

describeEachBackend('Attention', () => {
  test('defaults: no scale, one output; scores are the softmax of q v^T, output = scores @ value', async () => {
    const layer = new Attention();
    expect([layer.useScale, layer.causal, layer.returnScores, layer.dropout]).toEqual([false, false, false, 0]);
    const [q, v] = [query(), value()];
    const y = layer.apply([q, v]);
    expect(layer.weights()).toEqual([]);
    const expected = tf.tidy(() => tf.matMul(tf.softmax(tf.matMul(q, v, false, true)), v));
    await expectTensorsClose(y, expected);
    tf.dispose([q, v, y, expected]);
  });

  test('useScale: a trainable scalar scale, initially 1, multiplies the logits', async () => {
    const layer = new Attention({ useScale: true, returnScores: true });
    const [q, v] = [query(), value()];
    tf.dispose(layer.applyMulti([q, v]));
    const scale = layer.weight('scale');
    expect(scale.shape).toEqual([]);
    expect(scale.trainable).toBe(true);
    expect(await scale.read().data()).toEqual(new Float32Array([1]));
    const half = tf.scalar(0.5);
    scale.assign(half);
    const [, scores] = layer.applyMulti([q, v]) as [tf.Tensor, tf.Tensor];
    const expected = tf.tidy(() => tf.softmax(tf.mul(tf.matMul(q, v, false, true), 0.5)));
    await expectTensorsClose(scores, expected);
    tf.dispose([q, v, half, scores, expected]);
    layer.dispose();
  });

  test('returnScores: apply refuses two outputs, applyMulti gives [output, scores]; no hidden state', () => {
    const layer = new Attention({ returnScores: true });
    const [q, v] = [query(), value()];
    const before = tf.memory().numTensors;
    expect(() => layer.apply([q, v])).toThrow(/has 2 outputs: use applyMulti/);
    const outputs = layer.applyMulti([q, v]);
    expect(outputs.map((o) => o.shape)).toEqual([
      [1, 3, 2],
      [1, 3, 4],
    ]);
    tf.dispose(outputs);
    expect(tf.memory().numTensors).toBe(before);
    expect(Object.values(layer).some((field) => field instanceof tf.Tensor)).toBe(false);
    tf.dispose([q, v]);
  });

  test('masks: the value mask removes keys, the query mask zeroes rows and is the output mask', async () => {
    const layer = new Attention({ returnScores: true });
    const [q, v] = [query(), value()];
    const queryMask = tf.tensor2d([[true, false, true]], [1, 3], 'bool');
    const valueMask = tf.tensor2d([[true, true, false, false]], [1, 4], 'bool');
    const { outputs, masks } = layer.applyWithMask([q, v], { mask: [queryMask, valueMask] });
    const [y, scores] = outputs as [tf.Tensor, tf.Tensor];
    const expectedScores = tf.tidy(() => tf.softmax(tf.matMul(q, tf.slice(v, [0, 0, 0], [1, 2, 2]), false, true)));
    const [kept, dropped] = tf.split(scores, [2, 2], -1) as [tf.Tensor, tf.Tensor];
    await expectTensorsClose(kept, expectedScores);
    expect(Array.from(await dropped.data())).toEqual([0, 0, 0, 0, 0, 0]);
    const values = await y.data();
    expect([values[2], values[3]]).toEqual([0, 0]); // query 1 is masked: its row is 0
    expect(masks).toHaveLength(2);
    expect(masks[0]).not.toBe(queryMask);
    expect(await (masks[0] as tf.Tensor).data()).toEqual(await queryMask.data());
    tf.dispose([q, v, queryMask, valueMask, outputs, masks as tf.Tensor[], kept, dropped, expectedScores]);
    const plain = [query(), value()];
    const unmasked = layer.applyWithMask(plain, { mask: [undefined, undefined] });
    expect(unmasked.masks).toEqual([undefined, undefined]);
    tf.dispose([unmasked.outputs, plain]);
  });

  test('a query whose keys are all masked gets uniform weights, as Keras (no NaN)', async () => {
    const layer = new Attention({ returnScores: true, causal: true });
    const [q, v] = [query(), value()];
    const valueMask = tf.tensor2d([[false, true, true, true]], [1, 4], 'bool');
    const [, scores] = layer.applyMulti([q, v], { mask: [undefined, valueMask] }) as [tf.Tensor, tf.Tensor];
    // Query 0 may only see key 0 (causal), which the mask removes: every key is then equally (un)likely.
    const values = Array.from(await scores.data());
    expect(values.slice(0, 4).map((s) => Math.abs(s - 0.25) < 1e-6)).toEqual([true, true, true, true]);
    expect(values.slice(4, 8)).toEqual([0, 1, 0, 0]);
    tf.dispose([q, v, valueMask, scores]);
  });

  test('dropout drops weights in training only, from the seed (inverted: survivors scaled by 1 / keep)', async () => {
    const layer = new Attention({ returnScores: true, dropout: 0.5, seed: 7 });
    const [q, v] = [query(), value()];
    const [, inference] = layer.applyMulti([q, v]) as [tf.Tensor, tf.Tensor];
    const [y, dropped] = layer.applyMulti([q, v], { training: true }) as [tf.Tensor, tf.Tensor];
    const a = await inference.data();
    const b = await dropped.data();
    expect(Array.from(b).filter((s) => s === 0).length).toBeGreaterThan(0);
    b.forEach((s, i) => (s === 0 ? undefined : expect(s).toBeCloseTo(2 * (a[i] as number), 5)));
    const expected = tf.matMul(dropped, v);
    await expectTensorsClose(y, expected);
    tf.dispose([q, v, inference, y, dropped, expected]);
  });

  test('any Tq and Tv after build; symbolic inputs give symbolic [output, scores] shapes', () => {
    const layer = new Attention({ returnScores: true });
    const first = [tf.ones([2, 3, 4]), tf.ones([2, 5, 6]), tf.ones([2, 5, 4])];
    const second = [tf.ones([1, 7, 4]), tf.ones([1, 2, 6]), tf.ones([1, 2, 4])];
    tf.dispose(layer.applyMulti(first));
    const outputs = layer.applyMulti(second);
    expect(outputs.map((o) => o.shape)).toEqual([
      [1, 7, 6],
      [1, 7, 2],
    ]);
    tf.dispose([outputs, first, second]);
    const symbolic = new Attention({ returnScores: true }).applyMulti([
      input({ shape: [null, 8] }),
      input({ shape: [5, 3] }),
      input({ shape: [5, 8] }),
    ]);
    expect(symbolic.map((s) => s.shape)).toEqual([
      [null, null, 3],
      [null, null, 5],
    ]);
  });

  test('getConfig round trip through the registry, both types', () => {
    expect(registeredLayerTypes()).toEqual(expect.arrayContaining(['Attention', 'AdditiveAttention']));
    for (const layer of [
      new Attention({ useScale: true, causal: true, returnScores: true, dropout: 0.25, name: 'att', seed: 3 }),
      new AdditiveAttention({ useScale: false, causal: true, returnScores: true, dropout: 0.5, trainable: false }),
    ]) {
      const config = layer.getConfig();
      const copy = layerFromConfig(config);
      expect(copy).toBeInstanceOf(layer.constructor);
      expect(copy.getConfig()).toEqual(config);
    }
  });
});
