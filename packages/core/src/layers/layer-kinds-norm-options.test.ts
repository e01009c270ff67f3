// BatchNorm's options at non-default values against a float64 reference written out here: momentum
// and epsilon (0.5, large enough that a dropped or misplaced epsilon shows), and every center/scale
// combination (which weights exist, which are trainable, and what they do to y), on every backend.
import * as tf from '@tensorflow/tfjs-core';
import { expect, test } from 'vitest';
import { describeEachBackend, expectNoLeakedTensors, expectTensorsClose } from '../testing.js';
import { BatchNorm } from './batch-norm.js';

const shape = [3, 2, 2]; // [batch, time, channels]: statistics over 6 rows per channel
const values = Array.from({ length: 12 }, (_, i) => 1.5 * Math.sin(2.1 * i + 0.4) + (i % 2) * 3);

/** Per-channel mean and biased variance over every row. */
function statistics(channels: number): { mean: number[]; variance: number[] } {
  const rows = values.length / channels;
  const mean = Array.from({ length: channels }, (_, c) => {
    let s = 0;
    for (let r = 0; r < rows; r++) s += values[r * channels + c] as number;
    return s / rows;
  });
  const variance = mean.map((m, c) => {
    let s = 0;
    for (let r = 0; r < rows; r++) s += ((values[r * channels + c] as number) - m) ** 2;
    return s / rows;
  });
  return { mean, variance };
}

function normalised(mean: number[], variance: number[], eps: number, gamma: number[], beta: number[]): number[] {
  return values.map((v, i) => {
    const c = i % 2;
    return (
      ((gamma[c] as number) * (v - (mean[c] as number))) / Math.sqrt((variance[c] as number) + eps) +
      (beta[c] as number)
    );
  });
}

const combinations = [
  { center: false, scale: false, names: ['movingMean', 'movingVariance'] },
  { center: true, scale: false, names: ['beta', 'movingMean', 'movingVariance'] },
  { center: false, scale: true, names: ['gamma', 'movingMean', 'movingVariance'] },
];

describeEachBackend('BatchNorm options against a reference', () => {
  test.each(combinations)('center $center, scale $scale, momentum 0.6, epsilon 0.5', async (c) => {
    const bn = new BatchNorm({ momentum: 0.6, epsilon: 0.5, center: c.center, scale: c.scale });
    const x = tf.tensor(values, shape);
    bn.ensureBuilt(shape);
    expect(bn.weights().map((w) => w.name)).toEqual(c.names);
    expect(bn.trainableWeights().map((w) => w.name)).toEqual(c.names.slice(0, c.names.length - 2));
    const gamma = c.scale ? [1.5, -0.5] : [1, 1];
    const beta = c.center ? [0.25, -2] : [0, 0];
    const given = [...(c.scale ? [tf.tensor1d(gamma)] : []), ...(c.center ? [tf.tensor1d(beta)] : [])];
    given.forEach((t, i) => bn.weights()[i]?.assign(t));
    const { mean, variance } = statistics(2);
    const trained = bn.apply(x, { training: true });
    await expectTensorsClose(trained, { shape, data: normalised(mean, variance, 0.5, gamma, beta) });
    const movingMean = mean.map((m) => 0.4 * m);
    const movingVariance = variance.map((v) => 0.6 + 0.4 * v);
    await expectTensorsClose(bn.weight('movingMean').read(), movingMean);
    await expectTensorsClose(bn.weight('movingVariance').read(), movingVariance);
    const inferred = bn.apply(x);
    const expected = normalised(movingMean, movingVariance, 0.5, gamma, beta);
    await expectTensorsClose(inferred, { shape, data: expected });
    await expectNoLeakedTensors(() => bn.apply(x));
    tf.dispose([x, trained, inferred, ...given]);
    bn.dispose();
  });
});
