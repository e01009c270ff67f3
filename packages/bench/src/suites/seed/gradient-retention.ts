import * as tf from '@tensorflow/tfjs-core';
import type { BenchCase, BenchMode, Implementation } from '../../harness/bench-case.js';

type Activation = (x: tf.Tensor) => tf.Tensor;

/** The seed's table of activations, with the init each is measured under and the stock tfjs function. */
const activations: Array<{ name: string; init: 'xavier' | 'he'; stock: Activation }> = [
  { name: 'sigmoid', init: 'xavier', stock: (x) => tf.sigmoid(x) },
  { name: 'tanh', init: 'xavier', stock: (x) => tf.tanh(x) },
  { name: 'relu', init: 'he', stock: (x) => tf.relu(x) },
  { name: 'leakyRelu', init: 'he', stock: (x) => tf.leakyRelu(x, 0.01) },
  { name: 'elu', init: 'he', stock: (x) => tf.elu(x) },
];

/**
 * The seed's "gradient retention after 10 layers" (10层后梯度保留率), measured with
 * @baihua/activations' gradientRetention through 10 dense layers: `retention` is
 * ||dL/dx|| / ||dL/dh_10||, `activationProduct` the product of what each activation's derivative
 * keeps. Ours (the activation by name, built into @baihua/core) and stock (tf.sigmoid etc. passed
 * as a function) run the same network with the same seed; the quick run times ours only (both
 * are thin over the same tfjs ops), `--full` adds stock. @baihua/activations is imported when a
 * case is set up, so a broken build fails these rows only.
 */
export function gradientRetentionCases(mode: BenchMode): BenchCase[] {
  const settings = { depth: 10, width: 64, samples: mode === 'quick' ? 32 : 256, seed: 1 };
  const depthFlops = 3 * settings.depth * 2 * settings.samples * settings.width * settings.width;
  return activations.flatMap(({ name, init, stock }) =>
    (mode === 'quick' ? (['ours'] as Implementation[]) : (['ours', 'stock'] as Implementation[])).map(
      (implementation): BenchCase => ({
        id: `seed/gradient-retention/${name}/${implementation}`,
        suite: 'seed',
        title: `gradient retention ${name} 10 layers`,
        implementation,
        compareKey: `gradient-retention/${name}`,
        flops: depthFlops,
        params: { activation: name, init, ...settings },
        // The ratios are products over 10 layers of float32 norms: compare relatively.
        tolerance: { rtol: 2e-2, atol: 0 },
        async setup() {
          const { gradientRetention } = await import('@baihua/activations');
          let measured: Record<string, number> = {};
          return {
            run: async () => {
              const result = await gradientRetention(implementation === 'ours' ? name : stock, { ...settings, init });
              measured = { retention: result.retention, activationProduct: result.activationProduct };
              return tf.tensor1d([result.retention, result.activationProduct]);
            },
            metrics: () => measured,
            dispose: () => undefined,
          };
        },
      }),
    ),
  );
}
