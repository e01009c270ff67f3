import * as tf from '@tensorflow/tfjs-core';
import { expect, test } from 'vitest';
import { checkGradients, describeEachBackend, expectTensorsClose } from '../testing.js';
import { GroupNorm } from './group-norm.js';
import { LayerNorm } from './layer-norm.js';
import { layerGradients } from '../../test/layer-gradients.js';

describeEachBackend('GroupNorm', () => {
  test('groups of channels normalised per example: hand-computed case', async () => {
    const gn = new GroupNorm({ groups: 2, epsilon: 1e-5 });
    // One example, 2 positions, 4 channels: groups {c0,c1} and {c2,c3}.
    const x = tf.tensor3d([
      [
        [1, 3, 0, 10],
        [5, 7, 0, -10],
      ],
    ]);
    const y = gn.apply(x);
    const s1 = Math.sqrt(5 + 1e-5); // group 1 values 1,3,5,7: mean 4, var 5
    const s2 = Math.sqrt(50 + 1e-5); // group 2 values 0,10,0,-10: mean 0, var 50
    await expectTensorsClose(y, [
      [
        [-3 / s1, -1 / s1, 0, 10 / s2],
        [1 / s1, 3 / s1, 0, -10 / s2],
      ],
    ]);
    tf.dispose([x, y]);
    gn.dispose();
  });

  test('one group on [batch, C] equals LayerNorm', async () => {
    const x = tf.tensor2d([
      [0.5, -1, 2, 0.1],
      [3, 1, -2, 0],
    ]);
    const gn = new GroupNorm({ groups: 1 });
    const ln = new LayerNorm();
    const [a, b] = [gn.apply(x), ln.apply(x)];
    await expectTensorsClose(a, b);
    tf.dispose([x, a, b]);
    gn.dispose();
    ln.dispose();
  });

  test('gradients: input by finite differences, gamma and beta in closed form', async () => {
    const gn = new GroupNorm({ groups: 2 });
    const x = tf.tensor4d(
      [0.3, -0.2, 0.8, 0.1, -0.5, 0.4, 0.2, -0.7, 0.6, 0.05, -0.3, 0.9, 0.25, -0.15, 0.45, -0.6],
      [2, 2, 1, 4],
    );
    gn.ensureBuilt(x.shape);
    const gamma = tf.tensor1d([1.5, -0.5, 2, 0.7]);
    gn.weight('gamma').assign(gamma);
    await checkGradients((input) => gn.apply(input), [x], { step: 1e-2 });
    const dy = tf.tensor4d(
      Array.from({ length: 16 }, (_, i) => Math.sin(i)),
      [2, 2, 1, 4],
    );
    const g = layerGradients(gn, x, dy, ['gamma', 'beta'], true);
    const normalized = tf.tidy(() => tf.div(tf.sub(gn.apply(x), gn.weight('beta').read()), gamma));
    const expectedGamma = tf.sum(tf.mul(dy, normalized), [0, 1, 2]);
    const expectedBeta = tf.sum(dy, [0, 1, 2]);
    await expectTensorsClose(g.weights.gamma!, expectedGamma, { rtol: 1e-3 });
    await expectTensorsClose(g.weights.beta!, expectedBeta);
    tf.dispose([x, gamma, dy, normalized, expectedGamma, expectedBeta, g.dx, ...Object.values(g.weights)]);
    gn.dispose();
  });

  test('bad options and inputs', () => {
    expect(() => new GroupNorm({ groups: 0 })).toThrow(/GroupNorm: expected groups to be a positive integer, got 0/);
    const x = tf.ones([2, 6]);
    expect(() => new GroupNorm({ groups: 4 }).apply(x)).toThrow(
      /GroupNorm: expected the channel count to be divisible by groups, got channels=6, groups=4 \(shape \[2,6\]\)/,
    );
    x.dispose();
  });
});
