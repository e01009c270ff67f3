import * as tf from '@tensorflow/tfjs-core';
import { expect, test } from 'vitest';
import { describeEachBackend, expectTensorsClose } from '../testing.js';
import { LayerNorm } from './layer-norm.js';
import { layerGradients } from '../../test/layer-gradients.js';
import { loadTorchFixture } from '@baihua/test-fixtures';

describeEachBackend('LayerNorm', () => {
  test('output and gradients match PyTorch (layerNorm_eps1e-3)', async () => {
    const c = loadTorchFixture('norms', 'layerNorm_eps1e-3');
    const ln = new LayerNorm({ epsilon: 1e-3 });
    const [x, gamma, beta, dy] = ['x', 'gamma', 'beta', 'dy'].map((k) => c.tensor(k)) as tf.Tensor[];
    ln.ensureBuilt(x!.shape);
    ln.setWeights([gamma!, beta!]);
    const y = ln.apply(x!);
    await expectTensorsClose(y, c.spec('y'));
    const g = layerGradients(ln, x!, dy!, ['gamma', 'beta'], true);
    await expectTensorsClose(g.dx, c.spec('dx'));
    await expectTensorsClose(g.weights.gamma!, c.spec('dgamma'));
    await expectTensorsClose(g.weights.beta!, c.spec('dbeta'));
    tf.dispose([x!, gamma!, beta!, dy!, y, g.dx, ...Object.values(g.weights)]);
    ln.dispose();
  });

  test('normalises each row on its own (rank 3 too)', async () => {
    const ln = new LayerNorm();
    const x = tf.tensor3d([
      [
        [1, 2, 3],
        [10, 20, 30],
      ],
    ]);
    const y = ln.apply(x);
    const s = Math.sqrt(2 / 3 + 1e-5);
    const s10 = Math.sqrt(200 / 3 + 1e-5);
    await expectTensorsClose(y, [
      [
        [-1 / s, 0, 1 / s],
        [-10 / s10, 0, 10 / s10],
      ],
    ]);
    tf.dispose([x, y]);
    ln.dispose();
  });

  test('bad options and inputs', () => {
    expect(() => new LayerNorm({ epsilon: -1 })).toThrow(/LayerNorm: expected epsilon > 0, got -1/);
    const x = tf.ones([3]);
    expect(() => new LayerNorm().apply(x)).toThrow(/LayerNorm: expected input of rank >= 2/);
    x.dispose();
  });
});
