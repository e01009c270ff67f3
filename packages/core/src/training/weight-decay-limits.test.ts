// fit's and trainStep's L2 weight decay (g <- g + lambda W on kernels only) at and above its
// threshold, on every backend: lambda 0 is exactly no decay; with a loss whose gradient is zero
// the step is lr lambda W on kernels and nothing on biases and norm parameters; with a real loss
// the decayed step differs from the plain one by exactly lr lambda W0.
import * as tf from '@tensorflow/tfjs-core';
import { expect, test } from 'vitest';
import { Dense, LayerNorm, Sequential } from '../layers/index.js';
import { Sgd } from '../optimizers/index.js';
import type { LossFunction } from '../registry/loss-contract.js';
import { describeEachBackend } from '../testing.js';
import { fit } from './fit.js';
import { trainStep } from './train-step.js';

const mse: LossFunction = (labels, predictions) => tf.losses.meanSquaredError(labels, predictions) as tf.Scalar;
/** A loss whose gradient is zero everywhere: only the decay moves weights. */
const flat: LossFunction = (_labels, predictions) => tf.mul(tf.sum(predictions), 0) as tf.Scalar;

const model = () =>
  new Sequential({
    seed: 8,
    layers: [
      new Dense({ name: 'hidden', units: 4, activation: 'tanh', biasInitializer: 'ones' }),
      new LayerNorm({ name: 'norm' }),
      new Dense({ name: 'out', units: 2, biasInitializer: { name: 'constant', value: -0.5 } }),
    ],
  });

interface Weights {
  paths: string[];
  values: number[][];
}

async function stepped(how: 'fit' | 'trainStep', loss: LossFunction, weightDecay?: number): Promise<Weights> {
  const net = model();
  const x = tf.tensor2d([0.5, -1, 2, 1, 0.25, -0.5, 0, 1, 1], [3, 3]);
  const y = tf.tensor2d([1, 0, 0, 1, 0.5, 0.5], [3, 2]);
  const optimizer = new Sgd({ learningRate: 0.5 });
  const options = weightDecay === undefined ? { loss, optimizer } : { loss, optimizer, weightDecay };
  try {
    if (how === 'fit') await fit(net, { x, y }, { ...options, batchSize: 3, shuffle: false, progress: 'none' });
    else await trainStep(net, { x, y }, options);
    const weights = net.weights();
    return {
      paths: weights.map((w) => w.path),
      values: await Promise.all(weights.map(async (w) => Array.from(await w.read().data()))),
    };
  } finally {
    tf.dispose([x, y]);
    net.dispose();
    optimizer.dispose();
  }
}

async function initial(): Promise<number[][]> {
  const net = model();
  net.ensureBuilt([3, 3]);
  const values = await Promise.all(net.weights().map(async (w) => Array.from(await w.read().data())));
  net.dispose();
  return values;
}

const isKernel = (path: string) => path.endsWith('/kernel');

describeEachBackend('weightDecay at and above 0', () => {
  for (const how of ['fit', 'trainStep'] as const) {
    test(`${how}: weightDecay 0 is exactly no decay`, async () => {
      expect(await stepped(how, mse, 0)).toEqual(await stepped(how, mse));
    });

    test(`${how}: with a zero gradient, kernels shrink by lr lambda W; biases and LayerNorm stay`, async () => {
      const w0 = await initial();
      const { paths, values } = await stepped(how, flat, 0.2);
      expect(paths.filter(isKernel)).toHaveLength(2);
      values.forEach((row, i) => {
        const start = w0[i] as number[];
        if (isKernel(paths[i] as string)) row.forEach((v, k) => expect(v).toBeCloseTo(0.9 * (start[k] as number), 6));
        else expect(row, paths[i]).toEqual(start);
      });
    });

    test(`${how}: with a real loss, decay adds exactly -lr lambda W0 to the kernels' step`, async () => {
      const w0 = await initial();
      const plain = await stepped(how, mse);
      const decayed = await stepped(how, mse, 0.1);
      decayed.values.forEach((row, i) => {
        const start = w0[i] as number[];
        const base = plain.values[i] as number[];
        if (isKernel(decayed.paths[i] as string))
          row.forEach((v, k) => expect(v).toBeCloseTo((base[k] as number) - 0.05 * (start[k] as number), 6));
        else expect(row, decayed.paths[i]).toEqual(base);
      });
    });
  }
});

test('a negative weightDecay is refused', async () => {
  const net = model();
  const x = tf.ones([1, 3]);
  const y = tf.ones([1, 2]);
  const optimizer = new Sgd();
  await expect(trainStep(net, { x, y }, { loss: mse, optimizer, weightDecay: -0.1 })).rejects.toThrow(
    /trainStep: expected weightDecay >= 0, got -0.1/,
  );
  tf.dispose([x, y]);
  net.dispose();
});
