import * as tf from '@tensorflow/tfjs-core';
import type { BenchCase, BenchMode, Implementation } from '../../harness/bench-case.js';
import { seededNormal, seededWeight } from '../../harness/seeded-tensors.js';

/** The part of @baihua/cnn these cases use. */
interface CnnConv3d {
  conv3d(input: tf.Tensor, filter: tf.Tensor, options?: { padding?: 'valid' | 'same' | 'full' }): tf.Tensor;
}

/**
 * conv3d 'same', stride 1, 3x3x3 (a U-Net-lite's convolution), forward+backward: the output and the
 * gradients for input and filter of sum(y * dy). Stock runs tfjs's own kernels by name (Conv3D,
 * Conv3DBackpropInputV2, Conv3DBackpropFilterV2), so its row stays stock even after @baihua/cnn
 * has replaced tf.conv3d's gradient in this process: on wasm it shows as 'wrong' (tfjs-backend-wasm
 * 4.22's input gradient is). Ours is @baihua/cnn's conv3d through tf.valueAndGrads.
 */
export function conv3dCases(mode: BenchMode): BenchCase[] {
  const [batch, size, inChannels, outChannels] = mode === 'quick' ? [2, 16, 8, 8] : [2, 32, 16, 16];
  const kernel = 3;
  const label = `${batch}x${size}^3x${inChannels} * ${kernel}^3x${outChannels} same`;
  const forwardFlops = 2 * batch * size ** 3 * outChannels * kernel ** 3 * inChannels;
  return (['stock', 'ours'] as Implementation[]).map(
    (implementation): BenchCase => ({
      id: `ops/conv3d-backward/${label}/${implementation}`,
      suite: 'ops',
      title: `conv3d fwd+bwd ${label}`,
      implementation,
      compareKey: `conv3d-backward/${label}`,
      flops: 3 * forwardFlops,
      params: { batch, size, inChannels, outChannels, kernel, padding: 'same' },
      async setup() {
        const cnn = implementation === 'ours' ? ((await import('@baihua/cnn')) satisfies CnnConv3d) : undefined;
        const x = seededNormal([batch, size, size, size, inChannels], 81) as tf.Tensor5D;
        const w = seededWeight([kernel, kernel, kernel, inChannels, outChannels], 82) as tf.Tensor5D;
        const dy = seededNormal([batch, size, size, size, outChannels], 83) as tf.Tensor5D;
        const run = cnn
          ? () => {
              const { value, grads } = tf.valueAndGrads((input: tf.Tensor, filter: tf.Tensor) =>
                cnn.conv3d(input, filter, { padding: 'same' }),
              )([x, w], dy);
              return [value, ...grads];
            }
          : () => stockConv3dForwardBackward(x, w, dy);
        return { run, dispose: () => tf.dispose([x, w, dy]) };
      },
    }),
  );
}

function stockConv3dForwardBackward(x: tf.Tensor5D, w: tf.Tensor5D, dy: tf.Tensor5D): tf.Tensor[] {
  const attrs = { strides: [1, 1, 1], pad: 'same' };
  const y = tf.conv3d(x, w, 1, 'same');
  const run = (kernel: string, inputs: tf.NamedTensorMap, extra: Record<string, unknown>) =>
    tf.engine().runKernel(kernel, inputs, { ...attrs, ...extra } as unknown as tf.NamedAttrMap) as tf.Tensor;
  const dx = run(tf.Conv3DBackpropInputV2, { dy, filter: w }, { inputShape: x.shape });
  const dw = run(tf.Conv3DBackpropFilterV2, { x, dy }, { filterShape: w.shape });
  return [y, dx, dw];
}
