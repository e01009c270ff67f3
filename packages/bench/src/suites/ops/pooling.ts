import * as tf from '@tensorflow/tfjs-core';
import type { BenchCase, BenchMode } from '../../harness/bench-case.js';
import { seededNormal } from '../../harness/seeded-tensors.js';

/** The part of @baihua/cnn these cases use. */
interface CnnPooling {
  maxPool2d(x: tf.Tensor, options: { poolSize: number; strides?: number }): tf.Tensor;
  avgPool2d(x: tf.Tensor, options: { poolSize: number; strides?: number }): tf.Tensor;
}

/**
 * Max and average pooling (2x2, stride 2), forward+backward (the gradient of the summed squared
 * pooled values with respect to the input): stock tf.maxPool / tf.avgPool, and @baihua/cnn's
 * maxPool2d / avgPool2d (whose import also brings its exact wasm MaxPool gradient). Seeded normal
 * inputs include windows whose values are all negative, which is where tfjs-backend-wasm's
 * MaxPoolGrad is known to go wrong.
 */
export function poolingCases(mode: BenchMode): BenchCase[] {
  const [batch, size, channels] = mode === 'quick' ? [4, 28, 8] : [16, 56, 16];
  const label = `${batch}x${size}x${size}x${channels} 2x2/2`;
  const params = { batch, size, channels, window: 2, stride: 2 };
  const pools = {
    maxPool: (x: tf.Tensor) => tf.maxPool(x as tf.Tensor4D, 2, 2, 'valid'),
    avgPool: (x: tf.Tensor) => tf.avgPool(x as tf.Tensor4D, 2, 2, 'valid'),
  };
  return Object.entries(pools).flatMap(([name, stockPool]) =>
    (['stock', 'ours'] as const).map(
      (implementation): BenchCase => ({
        id: `ops/${name}-backward/${label}/${implementation}`,
        suite: 'ops',
        title: `${name} fwd+bwd ${label}`,
        implementation,
        compareKey: `${name}-backward/${label}`,
        params,
        async setup() {
          const cnn = implementation === 'ours' ? ((await import('@baihua/cnn')) satisfies CnnPooling) : undefined;
          const pool = cnn
            ? (x: tf.Tensor) =>
                name === 'maxPool' ? cnn.maxPool2d(x, { poolSize: 2 }) : cnn.avgPool2d(x, { poolSize: 2 })
            : stockPool;
          const x = seededNormal([batch, size, size, channels], 21);
          const gradient = tf.grad((input: tf.Tensor) => tf.sum(tf.mul(pool(input), pool(input))));
          return { run: () => [pool(x), gradient(x)], dispose: () => x.dispose() };
        },
      }),
    ),
  );
}
