import * as tf from '@tensorflow/tfjs-core';
import { expect, test } from 'vitest';
import { describeEachBackend, expectNoLeakedTensors, expectTensorsClose } from '../testing.js';
import { BatchNorm } from './batch-norm.js';
import { layerGradients } from '../../test/layer-gradients.js';
import { loadTorchFixture } from '@baihua/test-fixtures';

describeEachBackend('BatchNorm', () => {
  test('training mode: output and gradients match PyTorch (batchNorm_train_eps1e-3)', async () => {
    const c = loadTorchFixture('norms', 'batchNorm_train_eps1e-3');
    const bn = new BatchNorm({ epsilon: 1e-3 });
    const [x, gamma, beta, dy] = ['x', 'gamma', 'beta', 'dy'].map((k) => c.tensor(k)) as tf.Tensor[];
    bn.ensureBuilt(x!.shape);
    bn.weight('gamma').assign(gamma!);
    bn.weight('beta').assign(beta!);
    const y = bn.apply(x!, { training: true });
    await expectTensorsClose(y, c.spec('y'));
    const g = layerGradients(bn, x!, dy!, ['gamma', 'beta'], true);
    await expectTensorsClose(g.dx, c.spec('dx'));
    await expectTensorsClose(g.weights.gamma!, c.spec('dgamma'));
    await expectTensorsClose(g.weights.beta!, c.spec('dbeta'));
    tf.dispose([x!, gamma!, beta!, dy!, y, g.dx, ...Object.values(g.weights)]);
    bn.dispose();
  });

  test('training updates the running statistics; inference uses them', async () => {
    const bn = new BatchNorm({ momentum: 0.5 });
    const x = tf.tensor2d([
      [1, 10],
      [3, 30],
    ]);
    bn.apply(x, { training: true }).dispose();
    // mean [2, 20], biased variance [1, 100]; r <- 0.5 r + 0.5 batch from (0, 1).
    await expectTensorsClose(bn.weight('movingMean').read(), [1, 10]);
    await expectTensorsClose(bn.weight('movingVariance').read(), [1, 50.5]);
    const y = bn.apply(x, { training: false });
    await expectTensorsClose(y, [
      [0 / Math.sqrt(1.001), 0 / Math.sqrt(50.501)],
      [2 / Math.sqrt(1.001), 20 / Math.sqrt(50.501)],
    ]);
    const inference = bn.apply(x);
    await expectTensorsClose(bn.weight('movingMean').read(), [1, 10]);
    expect(bn.trainableWeights().map((w) => w.name)).toEqual(['gamma', 'beta']);
    expect(bn.nonTrainableWeights().map((w) => w.name)).toEqual(['movingMean', 'movingVariance']);
    await expectNoLeakedTensors(() => bn.apply(x, { training: true }));
    tf.dispose([x, y, inference]);
    bn.dispose();
  });

  test('rank 4 (NHWC): statistics per channel over batch, height and width', async () => {
    const bn = new BatchNorm();
    const x = tf.tensor4d([1, -1, 2, -2, 3, -3, 4, -4], [2, 2, 1, 2]);
    const y = bn.apply(x, { training: true });
    const mean = tf.mean(y, [0, 1, 2]);
    await expectTensorsClose(mean, [0, 0], { atol: 1e-5 });
    tf.dispose([x, y, mean]);
    bn.dispose();
  });

  test('bad options and inputs', () => {
    expect(() => new BatchNorm({ momentum: 1.5 })).toThrow(/BatchNorm: expected momentum in \[0, 1\], got 1.5/);
    expect(() => new BatchNorm({ epsilon: 0 })).toThrow(/BatchNorm: expected epsilon > 0, got 0/);
    const x = tf.ones([4]);
    expect(() => new BatchNorm().apply(x)).toThrow(
      /BatchNorm: expected input of rank >= 2 .*got rank 1 \(shape \[4\]\)/,
    );
    x.dispose();
  });
});
