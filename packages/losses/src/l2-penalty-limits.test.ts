// l2Penalty at and above lambda = 0, on every backend: lambda 0 adds exactly nothing (value 0,
// gradient 0, a training step bit-identical to the one without it); lambda > 0 added to a loss
// gives the same step as fit's weightDecay with the same lambda on the same kernels (dR/dW = lambda W).
import * as tf from '@tensorflow/tfjs-core';
import { Dense, Sgd, trainStep, type LossFunction } from '@baihua/core';
import { describeEachBackend } from '@baihua/core/testing';
import { expect, test } from 'vitest';
import { l2Penalty } from './l2-penalty.js';

const mse = (labels: tf.Tensor, predictions: tf.Tensor) => tf.losses.meanSquaredError(labels, predictions) as tf.Scalar;

/** The kernel and bias after one SGD step (lr 0.5) on a fixed batch, with `loss` built for the layer. */
async function stepWith(
  makeLoss: (layer: Dense) => LossFunction,
  weightDecay?: number,
): Promise<{ kernel: number[]; bias: number[] }> {
  const layer = new Dense({ units: 2, seed: 4, biasInitializer: 'ones' });
  const x = tf.tensor2d([0.5, -1, 2, 1, 0.25, -0.5], [2, 3]);
  const y = tf.tensor2d([1, 0, 0, 1], [2, 2]);
  const optimizer = new Sgd({ learningRate: 0.5 });
  try {
    layer.ensureBuilt(x.shape);
    const loss = makeLoss(layer);
    await trainStep(
      layer,
      { x, y },
      weightDecay === undefined ? { loss, optimizer } : { loss, optimizer, weightDecay },
    );
    return {
      kernel: Array.from(await layer.weight('kernel').read().data()),
      bias: Array.from(await layer.weight('bias').read().data()),
    };
  } finally {
    tf.dispose([x, y]);
    layer.dispose();
    optimizer.dispose();
  }
}

describeEachBackend('l2Penalty at and above lambda 0', () => {
  test('lambda 0: value exactly 0 and gradient exactly 0, whatever the weights', async () => {
    const w = tf.tensor2d([
      [1e6, -3],
      [0.5, 2],
    ]);
    const { value, grads } = tf.valueAndGrads((v: tf.Tensor) => l2Penalty(v, 0))([w]);
    expect(Array.from(await value.data())).toEqual([0]);
    expect(Array.from(await (grads[0] as tf.Tensor).data()).map(Math.abs)).toEqual([0, 0, 0, 0]); // -3 * 0 is -0
    tf.dispose([w, value, ...grads]);
  });

  test('lambda 0 added to the loss: the training step is bit-identical to the step without it', async () => {
    const plain = await stepWith(() => mse);
    const withZero = await stepWith(
      (layer) => (labels, predictions) =>
        tf.add(mse(labels, predictions), l2Penalty(layer.weight('kernel').read(), 0)) as tf.Scalar,
    );
    expect(withZero).toEqual(plain);
  });

  test('lambda 0.3 in the loss: the step of weightDecay 0.3 (kernel only, bias untouched)', async () => {
    const viaPenalty = await stepWith(
      (layer) => (labels, predictions) =>
        tf.add(mse(labels, predictions), l2Penalty(layer.weight('kernel').read(), 0.3)) as tf.Scalar,
    );
    const viaDecay = await stepWith(() => mse, 0.3);
    const plain = await stepWith(() => mse);
    viaPenalty.kernel.forEach((v, i) => expect(v).toBeCloseTo(viaDecay.kernel[i] as number, 6));
    expect(viaPenalty.kernel).not.toEqual(plain.kernel);
    expect(viaPenalty.bias).toEqual(plain.bias);
    expect(viaDecay.bias).toEqual(plain.bias);
  });
});

test('a negative lambda is refused', () => {
  const w = tf.ones([2]);
  expect(() => l2Penalty(w, -1e-9)).toThrow(/l2Penalty: expected lambda >= 0, got -1e-9/);
  w.dispose();
});
