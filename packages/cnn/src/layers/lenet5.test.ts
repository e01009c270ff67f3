import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, test } from 'vitest';
import { Adam, Dense, Sequential, fit } from '@baihua/core';
import { describeEachBackend } from '@baihua/core/testing';
import { Conv2D, GlobalAvgPool2D, freezeLayers, lenet5, unfreezeLayers } from '../index.js';

const softmaxLoss = (labels: tf.Tensor, logits: tf.Tensor): tf.Scalar =>
  tf.losses.softmaxCrossEntropy(labels, logits) as tf.Scalar;

describeEachBackend('lenet5', () => {
  test("follows the seed's diagram: C1 6@28x28, S2 6@14x14, C3 16@10x10, S4 16@5x5, C5 120, F6 84, 10 outputs", () => {
    const model = lenet5({ seed: 1 });
    const shapes: number[][] = [];
    let h: tf.Tensor = tf.zeros([2, 32, 32, 1]);
    model.ensureBuilt(h.shape);
    for (const layer of model.layers) {
      const next = layer.apply(h);
      h.dispose();
      h = next;
      shapes.push(h.shape.slice(1));
    }
    h.dispose();
    expect(model.layers.map((l) => l.name)).toEqual(['C1', 'S2', 'C3', 'S4', 'flatten', 'C5', 'F6', 'output']);
    expect(shapes).toEqual([[28, 28, 6], [14, 14, 6], [10, 10, 16], [5, 5, 16], [400], [120], [84], [10]]);
    expect(model.countParams()).toBe(61706);
    model.dispose();
  });

  test("'mixed' pooling is max in S2 and average in S4; options are checked", () => {
    const mixed = lenet5({ pooling: 'mixed', dropout: 0.2, batchNorm: true });
    expect(mixed.layers.map((l) => l.typeName)).toEqual([
      'ConvBlock',
      'MaxPool2D',
      'ConvBlock',
      'AvgPool2D',
      'Flatten',
      'Dense',
      'Dropout',
      'Dense',
      'Dropout',
      'Dense',
    ]);
    expect(() => lenet5({ pooling: 'median' as 'max' })).toThrow(
      /lenet5: expected pooling to be one of 'max', 'avg', 'l2', 'mixed', got "median"/,
    );
    expect(() => lenet5({ dropout: 1 })).toThrow(/lenet5: expected dropout in \[0, 1\), got 1/);
    expect(() => lenet5({ classes: 0 })).toThrow(/lenet5: expected classes to be a positive integer, got 0/);
  });

  test('the same seed gives the same initial weights', async () => {
    const [a, b] = [lenet5({ seed: 3 }), lenet5({ seed: 3 })];
    a.ensureBuilt([1, 32, 32, 1]);
    b.ensureBuilt([1, 32, 32, 1]);
    const [wa, wb] = [a.getWeights(), b.getWeights()];
    expect(Array.from(await (wa[0] as tf.Tensor).data())).toEqual(Array.from(await (wb[0] as tf.Tensor).data()));
    tf.dispose([...wa, ...wb]);
    a.dispose();
    b.dispose();
  });
});

describeEachBackend('freezeLayers / unfreezeLayers', () => {
  test('a frozen base keeps its weights while the new head trains; unfreezing lets it move again', async () => {
    const model = new Sequential({
      seed: 11,
      layers: [
        new Conv2D({ name: 'base1', filters: 3, kernelSize: 3, activation: 'relu' }),
        new Conv2D({ name: 'base2', filters: 3, kernelSize: 3, activation: 'relu' }),
        new GlobalAvgPool2D(),
        new Dense({ name: 'head', units: 2 }),
      ],
    });
    const x = tf.randomUniform([8, 7, 7, 1], 0, 1, 'float32', 11);
    const y = tf.oneHot(tf.tensor1d([0, 1, 0, 1, 0, 1, 0, 1], 'int32'), 2);
    model.ensureBuilt(x.shape);
    expect(freezeLayers(model, { upTo: 2 }).map((l) => l.name)).toEqual(['base1', 'base2']);
    expect(model.trainableWeights().map((w) => w.path)).toEqual(['head/kernel', 'head/bias']);
    const snapshot = async () =>
      Promise.all(
        model.getWeights().map(async (w) => {
          const v = Array.from(await w.data());
          w.dispose();
          return v;
        }),
      );
    const before = await snapshot();
    await fit(
      model,
      { x, y },
      { loss: softmaxLoss, optimizer: new Adam({ learningRate: 0.05 }), epochs: 2, batchSize: 4, progress: 'none' },
    );
    const frozen = await snapshot();
    expect(frozen.slice(0, 4)).toEqual(before.slice(0, 4)); // base1 kernel+bias, base2 kernel+bias: unchanged
    expect(frozen[4]).not.toEqual(before[4]); // the head moved
    expect(unfreezeLayers(model, 'base2').map((l) => l.name)).toEqual(['base2']);
    await fit(
      model,
      { x, y },
      { loss: softmaxLoss, optimizer: new Adam({ learningRate: 0.05 }), epochs: 1, batchSize: 4, progress: 'none' },
    );
    const thawed = await snapshot();
    expect(thawed.slice(0, 2)).toEqual(before.slice(0, 2)); // base1 still frozen
    expect(thawed[2]).not.toEqual(frozen[2]); // base2 trains again
    tf.dispose([x, y]);
    model.dispose();
  });
});

describe('freezeLayers bad input', () => {
  const model = () =>
    new Sequential({
      name: 'tiny',
      layers: [new Conv2D({ name: 'c', filters: 1, kernelSize: 1 }), new Dense({ name: 'd', units: 1 })],
    });
  test.each([
    [
      'index out of range',
      5,
      /freezeLayers: expected a layer index in \[-2, 1\] for model 'tiny' \(layers: c, d\), got 5/,
    ],
    ['unknown name', 'conv9', /freezeLayers: no layer named 'conv9' in model 'tiny' \(layers: c, d\)/],
    ['upTo too large', { upTo: 3 }, /freezeLayers: expected upTo to be an integer in \[0, 2\]/],
    ['a boolean', [true], /freezeLayers: expected a layer index, name, list of them or \{ upTo \}, got true/],
  ])('%s', (_label, selection, message) => {
    const m = model();
    expect(() => freezeLayers(m, selection as never)).toThrow(message);
    expect(m.trainableWeights().length + m.nonTrainableWeights().length).toBe(0);
    expect(m.layers.every((l) => l.trainable)).toBe(true);
  });

  test('not a model', () => {
    expect(() => unfreezeLayers(null as never, 0)).toThrow(
      /unfreezeLayers: expected model to be a Layer \(e.g. a Sequential\), got null/,
    );
  });
});
