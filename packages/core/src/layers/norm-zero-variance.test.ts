// Zero-variance input for every normalisation layer, on every backend: where a normalised group is
// constant, x - mu = 0, so y = beta exactly, and the gradients are finite and follow the formula
//   dx = (g - mean_group(g)) / sqrt(eps) with g = gamma dy,  dgamma = sum(dy * xhat) = 0,  dbeta = sum(dy).
import * as tf from '@tensorflow/tfjs-core';
import { expect, test } from 'vitest';
import { describeEachBackend, expectTensorsClose } from '../testing.js';
import { BatchNorm } from './batch-norm.js';
import { GroupNorm } from './group-norm.js';
import { LayerNorm } from './layer-norm.js';
import type { Layer } from './layer.js';
import { layerGradients } from '../../test/layer-gradients.js';

/** (g - mean(g)) / sqrt(eps) over each group of positions, with g = gamma[channel] dy. */
function expectedDx(dy: number[], groupOf: (i: number) => number, gammaOf: (i: number) => number, eps: number) {
  const g = dy.map((v, i) => gammaOf(i) * v);
  const sums = new Map<number, { total: number; count: number }>();
  g.forEach((v, i) => {
    const s = sums.get(groupOf(i)) ?? { total: 0, count: 0 };
    sums.set(groupOf(i), { total: s.total + v, count: s.count + 1 });
  });
  return g.map((v, i) => {
    const s = sums.get(groupOf(i)) as { total: number; count: number };
    return (v - s.total / s.count) / Math.sqrt(eps);
  });
}

interface NormCase {
  label: string;
  make: () => Layer;
  shape: number[];
  /** Constant within each normalised group, different across groups. */
  value: (i: number) => number;
  group: (i: number) => number;
  channels: number;
  eps: number;
}

const cases: NormCase[] = [
  {
    label: 'BatchNorm (training): each channel constant over the batch',
    make: () => new BatchNorm({ epsilon: 0.01 }),
    shape: [4, 3],
    value: (i) => [2.5, -1, 0][i % 3] as number,
    group: (i) => i % 3,
    channels: 3,
    eps: 0.01,
  },
  {
    label: 'LayerNorm: each row constant',
    make: () => new LayerNorm({ epsilon: 0.25 }),
    shape: [3, 4],
    value: (i) => [3, -0.5, 0][Math.floor(i / 4)] as number,
    group: (i) => Math.floor(i / 4),
    channels: 4,
    eps: 0.25,
  },
  {
    label: 'GroupNorm (2 groups): each group of each example constant over positions and channels',
    make: () => new GroupNorm({ groups: 2, epsilon: 0.04 }),
    shape: [2, 3, 4],
    value: (i) => [1.25, -2, 0, 7][Math.floor(i / 12) * 2 + Math.floor((i % 4) / 2)] as number,
    group: (i) => Math.floor(i / 12) * 2 + Math.floor((i % 4) / 2),
    channels: 4,
    eps: 0.04,
  },
];

describeEachBackend('normalisation of zero-variance input', () => {
  test.each(cases)('$label: y = beta, dx by the formula, dgamma = 0, dbeta = sum(dy)', async (c) => {
    const layer = c.make();
    const size = c.shape.reduce((a, b) => a * b, 1);
    const x = tf.tensor(
      Array.from({ length: size }, (_, i) => c.value(i)),
      c.shape,
    );
    layer.ensureBuilt(c.shape);
    const gammaValues = Array.from({ length: c.channels }, (_, k) => 0.5 + k);
    const betaValues = Array.from({ length: c.channels }, (_, k) => 0.25 - k);
    const [gamma, beta] = [tf.tensor1d(gammaValues), tf.tensor1d(betaValues)];
    const rest = layer.getWeights().slice(2);
    layer.setWeights([gamma, beta, ...rest]);
    const y = layer.apply(x, { training: true });
    const beta4 = Array.from({ length: size }, (_, i) => betaValues[i % c.channels] as number);
    expect(Array.from(await y.data())).toEqual(beta4);
    const dyValues = Array.from({ length: size }, (_, i) => ((i * 7) % 5) - 1.5);
    const dy = tf.tensor(dyValues, c.shape);
    const g = layerGradients(layer, x, dy, ['gamma', 'beta'], true);
    const dx = expectedDx(dyValues, c.group, (i) => gammaValues[i % c.channels] as number, c.eps);
    await expectTensorsClose(g.dx, tf.tensor(dx, c.shape).arraySync() as number[]);
    await expectTensorsClose(g.weights.gamma as tf.Tensor, new Array(c.channels).fill(0));
    const dbeta = Array.from({ length: c.channels }, (_, k) =>
      dyValues.filter((_, i) => i % c.channels === k).reduce((a, b) => a + b, 0),
    );
    await expectTensorsClose(g.weights.beta as tf.Tensor, dbeta);
    tf.dispose([x, gamma, beta, ...rest, y, dy, g.dx, ...Object.values(g.weights)]);
    layer.dispose();
  });
});
