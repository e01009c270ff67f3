import * as tf from '@tensorflow/tfjs-core';
import type { BenchCase, BenchMode, Implementation } from '../../harness/bench-case.js';
import { seededNormal, seededWeight } from '../../harness/seeded-tensors.js';

/** The part of @baihua/cnn these cases use. */
interface CnnPackage {
  conv2d(
    input: tf.Tensor,
    filter: tf.Tensor,
    options?: { padding?: 'valid' | 'same' | 'full'; dilations?: number },
  ): tf.Tensor4D;
}

interface ConvMode {
  name: 'full' | 'dilated';
  /** Stock tfjs: 'full' as explicit padding (k-1 on every side), dilated as tf.conv2d's dilations. */
  stock(x: tf.Tensor4D, w: tf.Tensor4D, kernel: number): tf.Tensor4D;
  ours(cnn: CnnPackage, x: tf.Tensor4D, w: tf.Tensor4D): tf.Tensor4D;
  outSize(size: number, kernel: number): number;
}

const modes: ConvMode[] = [
  {
    name: 'full',
    stock: (x, w, k) =>
      tf.conv2d(x, w, 1, [
        [0, 0],
        [k - 1, k - 1],
        [k - 1, k - 1],
        [0, 0],
      ]),
    ours: (cnn, x, w) => cnn.conv2d(x, w, { padding: 'full' }),
    outSize: (size, k) => size + k - 1,
  },
  {
    name: 'dilated',
    stock: (x, w) => tf.conv2d(x, w, 1, 'valid', 'NHWC', 2),
    ours: (cnn, x, w) => cnn.conv2d(x, w, { padding: 'valid', dilations: 2 }),
    outSize: (size, k) => size - 2 * (k - 1),
  },
];

/**
 * conv2d in 'full' mode and with dilation 2, forward+backward (gradients for input and filter):
 * stock tf.conv2d (explicit padding; its gradient refuses dilations > 1) and @baihua/cnn's conv2d.
 */
export function conv2dModeCases(mode: BenchMode): BenchCase[] {
  const [batch, size, inChannels, outChannels, kernel] = mode === 'quick' ? [4, 16, 8, 16, 3] : [16, 28, 16, 32, 3];
  const label = `${batch}x${size}x${size}x${inChannels} * ${kernel}x${kernel}x${outChannels}`;
  return modes.flatMap((convMode) =>
    (['stock', 'ours'] as Implementation[]).map((implementation): BenchCase => {
      const out = convMode.outSize(size, kernel);
      return {
        id: `ops/conv2d-${convMode.name}-backward/${label}/${implementation}`,
        suite: 'ops',
        title: `conv2d ${convMode.name} fwd+bwd ${label}`,
        implementation,
        compareKey: `conv2d-${convMode.name}-backward/${label}`,
        flops: 3 * 2 * batch * out * out * outChannels * kernel * kernel * inChannels,
        params: { batch, size, inChannels, outChannels, kernel, mode: convMode.name },
        async setup() {
          const cnn = implementation === 'ours' ? ((await import('@baihua/cnn')) satisfies CnnPackage) : undefined;
          const x = seededNormal([batch, size, size, inChannels], 71) as tf.Tensor4D;
          const w = seededWeight([kernel, kernel, inChannels, outChannels], 72) as tf.Tensor4D;
          const forward = (input: tf.Tensor, filter: tf.Tensor) =>
            cnn
              ? convMode.ours(cnn, input as tf.Tensor4D, filter as tf.Tensor4D)
              : convMode.stock(input as tf.Tensor4D, filter as tf.Tensor4D, kernel);
          const gradients = tf.grads((input: tf.Tensor, filter: tf.Tensor) =>
            tf.sum(tf.square(forward(input, filter))),
          );
          return { run: () => gradients([x, w]), dispose: () => tf.dispose([x, w]) };
        },
      };
    }),
  );
}
