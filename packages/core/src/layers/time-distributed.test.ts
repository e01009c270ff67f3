import * as tf from '@tensorflow/tfjs-core';
import { expect, test } from 'vitest';
import { checkGradients, describeEachBackend, expectNoLeakedTensors, expectTensorsClose } from '../testing.js';
import { expectRefusedWithoutLeaks } from '../../test/refused-without-leaks.js';
import { Dense } from './dense.js';
import { Embedding } from './embedding.js';
import { layerFromConfig } from './layer-registry.js';
import { Sequential } from './sequential.js';
import { TimeDistributed } from './time-distributed.js';

const seq = (shape: number[]) =>
  tf.tensor(
    Array.from({ length: shape.reduce((n, s) => n * s, 1) }, (_, i) => Math.sin(0.7 * i + 0.2)),
    shape,
  );

describeEachBackend('TimeDistributed', () => {
  test('y[:, t] = Dense(x[:, t]) for every step, computed by hand from the Dense weights', async () => {
    const dense = new Dense({ units: 2, activation: 'tanh' });
    const layer = new TimeDistributed({ layer: dense, seed: 4 });
    const x = seq([2, 3, 4]);
    const y = layer.apply(x);
    const kernel = dense.weight('kernel').read();
    const bias = dense.weight('bias').read();
    const steps = tf.tidy(() =>
      tf.stack(
        tf.unstack(x, 1).map((step) => tf.tanh(tf.add(tf.matMul(step as tf.Tensor2D, kernel as tf.Tensor2D), bias))),
        1,
      ),
    );
    try {
      expect(y.shape).toEqual([2, 3, 2]);
      await expectTensorsClose(y, steps, { rtol: 1e-5, atol: 1e-6 });
      // Any number of steps after build: the same weights at every step.
      const longer = layer.apply(seq([1, 6, 4]));
      expect(longer.shape).toEqual([1, 6, 2]);
      longer.dispose();
    } finally {
      tf.dispose([x, y, steps]);
      layer.dispose();
    }
  });

  test('gradients: the input by finite differences, the kernel as for Dense on the folded input', async () => {
    const dense = new Dense({ units: 3, activation: 'tanh', seed: 5 });
    const layer = new TimeDistributed({ layer: dense });
    const x = seq([2, 2, 3]);
    const dy = seq([2, 2, 3]);
    try {
      await checkGradients((v) => layer.apply(v), [x]);
      const kernel = dense.weight('kernel').read();
      const viaLayer = tf.variableGrads(() => tf.sum(tf.mul(layer.apply(x), dy)) as tf.Scalar, [kernel]);
      const folded = tf.variableGrads(
        () => tf.sum(tf.mul(dense.apply(tf.reshape(x, [4, 3])), tf.reshape(dy, [4, 3]))) as tf.Scalar,
        [kernel],
      );
      await expectTensorsClose(viaLayer.grads[kernel.name] as tf.Tensor, folded.grads[kernel.name] as tf.Tensor, {
        rtol: 1e-6,
        atol: 1e-7,
      });
      tf.dispose([viaLayer.value, folded.value, ...Object.values(viaLayer.grads), ...Object.values(folded.grads)]);
    } finally {
      tf.dispose([x, dy]);
      layer.dispose();
    }
  });

  test('the inner layer is a child: weights, trainable, dispose, nested getConfig and its round trip', async () => {
    const layer = new TimeDistributed({
      layer: new Dense({ units: 2, name: 'step_dense' }),
      seed: 8,
      name: 'per_step',
    });
    const x = seq([1, 3, 4]);
    const y = layer.apply(x);
    try {
      expect(layer.weights().map((w) => w.path)).toEqual(['step_dense/kernel', 'step_dense/bias']);
      expect(layer.countParams()).toBe(10);
      layer.trainable = false;
      expect(layer.layer.trainable).toBe(false);
      expect(layer.trainableWeights()).toEqual([]);
      const config = layer.getConfig();
      expect(config).toMatchObject({
        type: 'TimeDistributed',
        name: 'per_step',
        trainable: false,
        seed: 8,
        layer: { type: 'Dense', name: 'step_dense', units: 2, trainable: false },
      });
      const copy = layerFromConfig(config) as TimeDistributed;
      expect(copy.getConfig()).toEqual(config);
      // The same seeds give the same weights, so the copy computes the same.
      const again = copy.apply(x);
      await expectTensorsClose(again, y, { rtol: 0, atol: 0 });
      again.dispose();
      copy.dispose();
      const before = tf.memory().numTensors;
      layer.dispose();
      expect(tf.memory().numTensors).toBe(before - 2);
    } finally {
      tf.dispose([x, y]);
    }
  });

  test('masks: a [batch, time] mask passes through; the mask of the inner layer comes out unfolded', async () => {
    const perStep = new TimeDistributed({ layer: new Dense({ units: 2, seed: 1 }) });
    const x = seq([2, 3, 4]);
    const mask = tf.tensor2d(
      [
        [1, 1, 0],
        [1, 0, 0],
      ],
      [2, 3],
      'bool',
    );
    // ids [batch, sentence, word]: an Embedding at each sentence marks its padded words.
    const words = new TimeDistributed({ layer: new Embedding({ inputDim: 6, outputDim: 2, maskZero: true, seed: 2 }) });
    const ids = tf.tensor3d(
      [
        [
          [1, 2, 0],
          [5, 0, 0],
        ],
      ],
      [1, 2, 3],
      'int32',
    );
    const made: tf.Tensor[] = [];
    try {
      const passed = perStep.applyWithMask(x, { mask });
      made.push(...passed.outputs, passed.masks[0] as tf.Tensor);
      expect(Array.from(await (passed.masks[0] as tf.Tensor).data())).toEqual([1, 1, 0, 1, 0, 0]);
      const own = words.applyWithMask(ids);
      made.push(...own.outputs, own.masks[0] as tf.Tensor);
      expect(own.outputs[0]?.shape).toEqual([1, 2, 3, 2]);
      expect(own.masks[0]?.shape).toEqual([1, 2, 3]);
      expect(Array.from(await (own.masks[0] as tf.Tensor).data())).toEqual([1, 1, 0, 1, 0, 0]);
      // Without a mask in, none out (Dense makes none).
      const none = perStep.applyWithMask(x);
      made.push(...none.outputs);
      expect(none.masks).toEqual([undefined]);
    } finally {
      tf.dispose([x, mask, ids, ...made]);
      perStep.dispose();
      words.dispose();
    }
  });

  test('in a Sequential: Embedding(maskZero) -> TimeDistributed(Dense) keeps the mask; errors; no leaks', async () => {
    const model = new Sequential({
      seed: 6,
      layers: [
        new Embedding({ inputDim: 10, outputDim: 4, maskZero: true }),
        new TimeDistributed({ layer: new Dense({ units: 3 }) }),
      ],
    });
    const ids = tf.tensor2d(
      [
        [3, 9, 0],
        [1, 0, 0],
      ],
      [2, 3],
      'int32',
    );
    const flat = tf.ones([2, 4]);
    try {
      model.apply(ids).dispose(); // builds the weights, which stay
      await expectNoLeakedTensors(async () => {
        const { outputs, masks } = model.applyWithMask(ids);
        expect(outputs[0]?.shape).toEqual([2, 3, 3]);
        expect(Array.from(await (masks[0] as tf.Tensor).data())).toEqual([1, 1, 0, 1, 0, 0]);
        return [outputs, masks];
      });
      const layer = new TimeDistributed({ layer: new Dense({ units: 2 }), name: 'td' });
      expectRefusedWithoutLeaks(
        () => layer.apply(flat),
        /^TimeDistributed: expected x of rank >= 3 \(\[batch, time, \.\.\.\]\), got rank 2 \(shape \[2,4\]\)$/,
      );
      expect(() => new TimeDistributed({ layer: 'dense' as never })).toThrow(
        /^TimeDistributed: expected layer to be a Layer, got string$/,
      );
      expect(() => new TimeDistributed({ layer: new Dense({ units: 1 }), units: 2 } as never)).toThrow(
        /TimeDistributed: unknown key 'units'/,
      );
    } finally {
      tf.dispose([ids, flat]);
      model.dispose();
    }
  });
});
